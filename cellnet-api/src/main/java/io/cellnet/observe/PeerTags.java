package io.cellnet.observe;

import java.util.Locale;
import java.util.Objects;

/**
 * What names a peer's meters.
 *
 * <p>Thread safety: immutable.
 *
 * @param name      the peer's name
 * @param type      its kind, lower case: {@code acceptor}, {@code connector}, {@code syncconnector}...
 * @param transport its transmitter, for example {@code tcp.ltv}
 */
public record PeerTags(String name, String type, String transport) {
    /** Checks the arguments. */
    public PeerTags {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transport, "transport");
    }

    /**
     * Tags from a peer type name such as {@code tcp.Acceptor}: the type is the part after the last
     * dot, in lower case.
     */
    public static PeerTags of(String name, String typeName, String transport) {
        Objects.requireNonNull(typeName, "typeName");
        return new PeerTags(name, typeName.substring(typeName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT),
                transport);
    }
}
