/**
 * {@code http-server} and {@code http-client}: a small GM/admin server on the HTTP peers (static
 * page, json endpoints, Go's TestHttp endpoints) and a command-line call to it.
 */
@NullMarked
package io.cellnet.examples.http;

import org.jspecify.annotations.NullMarked;
