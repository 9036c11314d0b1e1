/**
 * The database peers' shared core (not an API: exported to cellnet-redis and cellnet-sql only).
 */
package io.cellnet.db.internal;
