/**
 * The SQL peer: {@link io.cellnet.sql.SqlConnector} (Go's {@code mysql.Connector}), built by
 * {@link io.cellnet.sql.SqlPeers} or by type name, with Go's wrapper helpers (query, execute, one,
 * each) on prepared statements. The HikariCP implementation is package-private here. See
 * docs/db.md.
 */
@NullMarked
package io.cellnet.sql;

import org.jspecify.annotations.NullMarked;
