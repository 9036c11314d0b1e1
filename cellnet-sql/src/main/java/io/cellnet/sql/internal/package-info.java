/**
 * The {@link io.cellnet.PeerProvider} that makes the SQL peer by type name (not an API: it is
 * found through {@link java.util.ServiceLoader}).
 */
@NullMarked
package io.cellnet.sql.internal;

import org.jspecify.annotations.NullMarked;
