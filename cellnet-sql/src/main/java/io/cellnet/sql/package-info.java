/**
 * The SQL peer: {@link io.cellnet.sql.SqlConnector} (Go's {@code mysql.Connector}), built by
 * {@link io.cellnet.sql.SqlPeers} or by type name, with Go's wrapper helpers (query, execute, one,
 * each) on prepared statements. See docs/db.md.
 */
package io.cellnet.sql;
