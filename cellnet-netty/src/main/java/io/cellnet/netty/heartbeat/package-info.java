/**
 * An optional application-level heartbeat: pings on an interval, pongs in answer, and the session
 * closed after too many missed pongs, for detecting half-open connections faster than TCP does.
 */
@NullMarked
package io.cellnet.netty.heartbeat;

import org.jspecify.annotations.NullMarked;
