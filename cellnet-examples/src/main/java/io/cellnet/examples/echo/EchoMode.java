package io.cellnet.examples.echo;

import io.cellnet.RecvMsgEvent;
import io.cellnet.SendResult;
import io.cellnet.Session;
import io.cellnet.examples.EchoMessages.TestEchoAck;
import io.cellnet.relay.Relay;
import io.cellnet.relay.RelayRecvMsgEvent;
import io.cellnet.rpc.Rpc;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code echo-client} sends each message and receives its echo: Go's {@code examples/echo}
 * client modes plus relay.
 *
 * <p>Thread safety: stateless; {@link #exchange} runs on the driving thread.
 */
enum EchoMode {
    /** {@code session.send}; the echo arrives as a plain message (Go's clientmode 0). */
    PLAIN {
        @Override
        TestEchoAck exchange(Session session, TestEchoAck request, Inbox inbox, Duration timeout)
                throws EchoFailure, InterruptedException {
            sent(session.send(request), request);
            return plainEcho(inbox.take(request.Value(), timeout), request);
        }
    },
    /** {@code Rpc.callSync} on this thread (Go's clientmode 2, {@code rpc.CallSync}). */
    RPC_SYNC {
        @Override
        TestEchoAck exchange(Session session, TestEchoAck request, Inbox inbox, Duration timeout)
                throws EchoFailure, InterruptedException {
            try {
                return Rpc.callSync(session, request, TestEchoAck.class, timeout);
            } catch (TimeoutException e) {
                throw new EchoFailure("no answer to rpc call " + request.Value() + " within " + timeout.toMillis()
                        + " ms");
            } catch (RuntimeException e) {
                throw new EchoFailure("rpc call " + request.Value() + " failed: " + e);
            }
        }
    },
    /** {@code Rpc.call} with a callback on the client's queue (Go's clientmode 1, {@code rpc.Call}). */
    RPC_ASYNC {
        @Override
        TestEchoAck exchange(Session session, TestEchoAck request, Inbox inbox, Duration timeout)
                throws EchoFailure, InterruptedException {
            Rpc.call(session, request, timeout, (reply, error) -> inbox.add(reply != null ? reply : error));
            Object outcome = inbox.take(request.Value(), timeout.plusSeconds(1));
            if (outcome instanceof TestEchoAck echo) {
                return echo;
            }
            throw new EchoFailure("rpc call " + request.Value() + " failed: " + outcome);
        }
    },
    /**
     * {@code Relay.relay} with passthrough values (the message number and a string); the echo must
     * come back relayed with the same values. A plain echo is accepted too: Go's
     * {@code examples/echo} server answers everything but RPC with {@code Send}.
     */
    RELAY {
        private static final String PASSTHROUGH = "echo-client";

        @Override
        TestEchoAck exchange(Session session, TestEchoAck request, Inbox inbox, Duration timeout)
                throws EchoFailure, InterruptedException {
            long n = request.Value();
            sent(Relay.relay(session, request, n, PASSTHROUGH), request);
            Object item = inbox.take(request.Value(), timeout);
            if (item instanceof RelayRecvMsgEvent r) {
                if (r.passThroughAsInt64() != n || !r.passThroughAsString().equals(PASSTHROUGH)) {
                    throw new EchoFailure("relay " + n + " came back with passthrough " + r.passThroughAsInt64()
                            + ", '" + r.passThroughAsString() + "'");
                }
                return echoOf(r, request);
            }
            if (!warnedPlain) {
                warnedPlain = true;
                log.info("the server answers relays with plain messages (as Go's examples/echo server does)");
            }
            return plainEcho(item, request);
        }
    };

    private static final Logger log = LoggerFactory.getLogger(EchoMode.class);
    private static volatile boolean warnedPlain;

    /** Sends {@code request} and returns its echo (not yet compared with the request). */
    abstract TestEchoAck exchange(Session session, TestEchoAck request, Inbox inbox, Duration timeout)
            throws EchoFailure, InterruptedException;

    /** The mode named {@code name} on the command line ({@code rpc-sync} is {@link #RPC_SYNC}). */
    static EchoMode parse(String name) {
        return valueOf(name.replace('-', '_').toUpperCase(Locale.ROOT));
    }

    /** The name on the command line. */
    String cliName() {
        return name().replace('_', '-').toLowerCase(Locale.ROOT);
    }

    private static void sent(SendResult result, TestEchoAck request) throws EchoFailure {
        if (!result.isAccepted()) {
            throw new EchoFailure("cannot send message " + request.Value() + ": " + result);
        }
    }

    private static TestEchoAck plainEcho(Object item, TestEchoAck request) throws EchoFailure {
        if (item instanceof RelayRecvMsgEvent) {
            throw new EchoFailure("message " + request.Value() + " came back relayed, expected a plain echo");
        }
        return echoOf(item, request);
    }

    private static TestEchoAck echoOf(Object item, TestEchoAck request) throws EchoFailure {
        if (item instanceof RecvMsgEvent ev && ev.message() instanceof TestEchoAck echo) {
            return echo;
        }
        throw new EchoFailure("expected the echo of message " + request.Value() + ", got " + item);
    }
}
