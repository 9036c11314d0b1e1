package io.cellnet.redis.internal;

import io.cellnet.GenericPeer;
import io.cellnet.PeerProperty;
import io.cellnet.PeerProvider;
import io.cellnet.ProcessorBundle;
import io.cellnet.redis.RedisPeers;
import java.util.Set;

/**
 * Makes {@code "redix.Connector"} (Go's name) and {@code "redis.Connector"} with default settings.
 *
 * <p>Thread safety: stateless.
 */
public final class RedisPeerProvider implements PeerProvider {

    @Override
    public Set<String> typeNames() {
        return Set.of("redix.Connector", "redis.Connector");
    }

    @Override
    public GenericPeer create(String typeName, PeerProperty property, ProcessorBundle bundle) {
        return RedisPeers.connector().name(property.name()).address(property.address()).queue(property.queue())
                .bundle(bundle).build();
    }
}
