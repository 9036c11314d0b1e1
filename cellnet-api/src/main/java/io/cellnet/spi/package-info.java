/**
 * Service-provider interfaces through which implementation modules make peers, processors and
 * codecs available by name ({@link java.util.ServiceLoader}). Users rarely implement these.
 */
@NullMarked
package io.cellnet.spi;

import org.jspecify.annotations.NullMarked;
