package io.cellnet.mesh;

import java.util.Map;
import java.util.Objects;

/**
 * One registered service instance, cellmesh's {@code ServiceDesc}: its id, the address its
 * acceptor listens on, free-form metadata (cellmesh's {@code Meta}: {@code WANAddress}...) and the
 * load it last published.
 *
 * <p>Thread safety: immutable.
 *
 * @param id   its {@code name#index@group}
 * @param host the host its acceptor is reached at
 * @param port the port its acceptor listens on
 * @param meta metadata, copied
 * @param load the load it last published
 */
public record ServiceInstance(ServiceId id, String host, int port, Map<String, String> meta, ServiceLoad load) {

    /** Checks and copies the parts. */
    public ServiceInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port <= 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be within 1..65535: " + port);
        }
        meta = Map.copyOf(Objects.requireNonNull(meta, "meta"));
        Objects.requireNonNull(load, "load");
    }

    /** An instance without metadata and with no load. */
    public static ServiceInstance of(ServiceId id, String host, int port) {
        return new ServiceInstance(id, host, port, Map.of(), ServiceLoad.ZERO);
    }

    /** {@code host:port}, for a connector's address. */
    public String address() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** This instance with another load. */
    public ServiceInstance withLoad(ServiceLoad newLoad) {
        Objects.requireNonNull(newLoad, "newLoad");
        return new ServiceInstance(id, host, port, meta, newLoad);
    }
}
