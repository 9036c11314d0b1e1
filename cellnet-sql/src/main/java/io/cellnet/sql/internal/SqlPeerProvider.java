package io.cellnet.sql.internal;

import io.cellnet.GenericPeer;
import io.cellnet.PeerProperty;
import io.cellnet.PeerProvider;
import io.cellnet.ProcessorBundle;
import io.cellnet.sql.SqlPeers;
import java.util.Set;

/**
 * Makes {@code "mysql.Connector"} (Go's name) and {@code "sql.Connector"} with default settings;
 * the address is a JDBC URL (with the credentials in it) or Go's DSN.
 *
 * <p>Thread safety: stateless.
 */
public final class SqlPeerProvider implements PeerProvider {

    @Override
    public Set<String> typeNames() {
        return Set.of("mysql.Connector", "sql.Connector");
    }

    @Override
    public GenericPeer create(String typeName, PeerProperty property, ProcessorBundle bundle) {
        return SqlPeers.connector().name(property.name()).address(property.address()).queue(property.queue())
                .bundle(bundle).build();
    }
}
