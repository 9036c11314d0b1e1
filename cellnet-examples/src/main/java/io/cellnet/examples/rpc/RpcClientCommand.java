package io.cellnet.examples.rpc;

import io.cellnet.MessageRegistry;
import io.cellnet.Session;
import io.cellnet.examples.Args;
import io.cellnet.examples.ClientRun;
import io.cellnet.examples.Command;
import io.cellnet.examples.Console;
import io.cellnet.examples.Option;
import io.cellnet.examples.Transport;
import io.cellnet.examples.Usage;
import io.cellnet.examples.rpc.RpcMessages.AddACK;
import io.cellnet.examples.rpc.RpcMessages.AddREQ;
import io.cellnet.rpc.Rpc;
import io.cellnet.proc.MessageDispatcher;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code rpc-client}: calls {@code rpc-server} with {@code main.AddREQ}, first synchronously
 * ({@code Rpc.callSync}, one call after the other, on this thread), then asynchronously
 * ({@code Rpc.call} with a callback on the client's queue, all calls in flight at once), and
 * prints each call's round-trip time and a summary per mode.
 *
 * <p>Thread safety: runs on the command's thread; the async callbacks run on the client's queue.
 */
public final class RpcClientCommand {
    private static final Option ADDRESS = Option.of("address", "HOST:PORT", RpcServerCommand.DEFAULT_ADDRESS,
            "the rpc server");
    private static final Option COUNT = Option.of("count", "N", "5", "calls per mode");
    private static final Option MODE = Option.of("mode", "sync|async|both", "both",
            "sync: Rpc.callSync one after the other; async: Rpc.call, all at once");
    private static final Usage USAGE = Usage.of("rpc-client",
            "sync and async RPC calls to rpc-server, with round-trip times", """
            after one unmeasured warm-up call, prints one line per call (sync|async #i: A+B=SUM rtt_us=T), then
            OK mode=M n=N avg_us=A max_us=X per mode (exit 0), or FAIL: reason (exit 1)""",
            ADDRESS, RpcMessages.CODEC, COUNT, MODE, ClientRun.TIMEOUT);

    /** The command. */
    public static final Command COMMAND = new Command(USAGE, RpcClientCommand::run);

    private RpcClientCommand() {
    }

    private static int run(Args args, Console console) throws Exception {
        String address = args.get(ADDRESS, Transport.TCP::checkAddress);
        MessageRegistry registry = RpcMessages.registry(args.choice(RpcMessages.CODEC));
        int count = args.getPositiveInt(COUNT);
        String mode = args.choice(MODE);
        Duration timeout = ClientRun.timeout(args);
        return ClientRun.connect(console, Transport.TCP, "rpc-client", address, registry,
                new MessageDispatcher(registry), timeout, session -> {
                    if (!warmUp(session, timeout, console)) {
                        return 1;
                    }
                    RoundTrips sync = new RoundTrips("sync", count, console.out());
                    if (!mode.equals("async") && !callSync(session, sync, timeout)) {
                        return 1;
                    }
                    RoundTrips async = new RoundTrips("async", count, console.out());
                    if (!mode.equals("sync") && !callAsync(session, async, timeout)) {
                        return 1;
                    }
                    return 0;
                });
    }

    /** One call that is not measured: the first call of a process pays for class loading. */
    private static boolean warmUp(Session session, Duration timeout, Console console) throws InterruptedException {
        try {
            Rpc.callSync(session, new AddREQ(0, 0), AddACK.class, timeout);
            return true;
        } catch (TimeoutException | RuntimeException e) {
            console.out().println("FAIL: warm-up call failed: " + e);
            return false;
        }
    }

    /** {@code Rpc.callSync}, one call after the other. */
    private static boolean callSync(Session session, RoundTrips trips, Duration timeout) throws InterruptedException {
        for (int i = 1; i <= trips.count(); i++) {
            AddREQ req = RoundTrips.request(i);
            long start = System.nanoTime();
            try {
                AddACK ack = Rpc.callSync(session, req, AddACK.class, timeout);
                trips.done(i, req, ack, null, start);
            } catch (TimeoutException | RuntimeException e) {
                trips.done(i, req, null, e, start);
            }
            if (trips.failed()) {
                break;
            }
        }
        return trips.report();
    }

    /** {@code Rpc.call} with a callback, every call in flight at once. */
    private static boolean callAsync(Session session, RoundTrips trips, Duration timeout) throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(trips.count());
        for (int i = 1; i <= trips.count(); i++) {
            int n = i;
            AddREQ req = RoundTrips.request(i);
            long start = System.nanoTime();
            Rpc.call(session, req, timeout, (reply, error) -> {   // runs on the client's queue
                trips.done(n, req, reply, error, start);
                answered.countDown();
            });
        }
        if (!answered.await(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
            trips.fail("async calls still unanswered after " + timeout.toMillis() + " ms");
        }
        return trips.report();
    }
}
