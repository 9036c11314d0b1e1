package io.cellnet.mesh;

import org.junit.jupiter.api.AfterEach;

class InMemoryDiscoveryTest extends DiscoveryContract {
    private final InMemoryDiscovery shared = new InMemoryDiscovery();

    /** One process shares one in-memory discovery; every "view" is the same object. */
    @Override
    Discovery discovery() {
        return shared;
    }

    @AfterEach
    void close() {
        shared.close();
    }
}
