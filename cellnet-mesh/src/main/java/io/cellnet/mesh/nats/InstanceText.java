package io.cellnet.mesh.nats;

import io.cellnet.mesh.ServiceId;
import io.cellnet.mesh.ServiceInstance;
import io.cellnet.mesh.ServiceLoad;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The heartbeat payload: one line per field, {@code id host port sessions queueDepth user} then one
 * {@code key=value} line per metadata entry, values URL-encoded.
 *
 * <p>Thread safety: stateless.
 */
final class InstanceText {
    private InstanceText() {
    }

    static byte[] encode(ServiceInstance i) {
        StringBuilder sb = new StringBuilder();
        sb.append(i.id()).append('\n').append(enc(i.host())).append('\n').append(i.port()).append('\n')
                .append(i.load().sessions()).append('\n').append(i.load().queueDepth()).append('\n')
                .append(i.load().user());
        i.meta().forEach((k, v) -> sb.append('\n').append(enc(k)).append('=').append(enc(v)));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes a payload.
     *
     * @throws IllegalArgumentException when it is malformed
     */
    static ServiceInstance decode(byte[] data) {
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 6) {
            throw new IllegalArgumentException("short instance payload: " + lines.length + " lines");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (int n = 6; n < lines.length; n++) {
            int eq = lines[n].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("bad meta line: " + lines[n]);
            }
            meta.put(dec(lines[n].substring(0, eq)), dec(lines[n].substring(eq + 1)));
        }
        return new ServiceInstance(ServiceId.parse(lines[0]), dec(lines[1]), Integer.parseInt(lines[2]), meta,
                new ServiceLoad(Integer.parseInt(lines[3]), Integer.parseInt(lines[4]), Long.parseLong(lines[5])));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
