/**
 * Test support, not published: real {@code redis-server} and {@code mariadbd} processes on
 * 127.0.0.1, on free ports and throwaway data directories, that tests kill and restart.
 */
package io.cellnet.dbtesting;
