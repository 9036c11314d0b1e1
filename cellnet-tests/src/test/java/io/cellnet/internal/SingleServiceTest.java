package io.cellnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellnet.rpc.RpcProvider;
import org.junit.jupiter.api.Test;

/**
 * The facades of cellnet-api (RPC, relay) find their implementation through ServiceLoader; a
 * program that lacks it (a logic module run without cellnet-netty) is told which artifact to add.
 */
class SingleServiceTest {
    /** A service nobody provides. */
    interface Missing {
    }

    @Test
    void aMissingImplementationNamesTheTypeAndTheArtifactToAdd() {
        SingleService<Missing> service = new SingleService<>(Missing.class, "io.cellnet:cellnet-netty");
        IllegalStateException e = assertThrows(IllegalStateException.class, service::get);
        assertEquals("no implementation of " + Missing.class.getName() + " found; is io.cellnet:cellnet-netty on the"
                + " class path?", e.getMessage());
    }

    @Test
    void thePresentImplementationIsFoundOnce() {
        SingleService<RpcProvider> service = new SingleService<>(RpcProvider.class, "io.cellnet:cellnet-netty");
        assertEquals(service.get(), service.get());
    }
}
