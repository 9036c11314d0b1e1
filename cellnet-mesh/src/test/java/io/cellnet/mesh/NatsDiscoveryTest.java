package io.cellnet.mesh;

import io.cellnet.mesh.nats.NatsDiscovery;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The contract on a real nats-server: each {@link #discovery()} is a separate NATS connection. */
class NatsDiscoveryTest extends DiscoveryContract {
    static NatsServerProcess nats;
    private final List<Discovery> opened = new ArrayList<>();

    @BeforeAll
    static void startNats() throws Exception {
        nats = NatsServerProcess.start();
    }

    @AfterAll
    static void stopNats() throws Exception {
        nats.close();
    }

    @Override
    Discovery discovery() throws Exception {
        Discovery d = NatsDiscovery.connect(nats.url());
        opened.add(d);
        return d;
    }

    @AfterEach
    void close() {
        opened.forEach(Discovery::close);
    }
}
