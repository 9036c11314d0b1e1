package io.cellnet.examples.echo;

import io.cellnet.MessageRegistry;
import io.cellnet.examples.Args;
import io.cellnet.examples.EchoMessages;
import io.cellnet.examples.Option;
import io.cellnet.examples.Transport;

/**
 * What the echo server and client read alike: {@code --transport}, their {@code --address} checked
 * for that transport, and the registry of {@code --codec}.
 *
 * <p>Thread safety: immutable.
 *
 * @param transport the transport
 * @param address   the checked address
 * @param registry  {@code main.TestEchoACK} in the chosen codec
 */
record EchoPeer(Transport transport, String address, MessageRegistry registry) {

    static EchoPeer from(Args args, Option address) {
        Transport transport = Transport.from(args);
        return new EchoPeer(transport, args.get(address, transport::checkAddress),
                EchoMessages.registry(args.choice(EchoMessages.CODEC)));
    }
}
