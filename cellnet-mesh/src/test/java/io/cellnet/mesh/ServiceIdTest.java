package io.cellnet.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceIdTest {

    @Test
    void formatsAndParsesCellmeshIds() {
        ServiceId id = new ServiceId("game", 3, "dev");
        assertEquals("game#3@dev", id.toString());
        assertEquals(id, ServiceId.parse("game#3@dev"));
        assertEquals(ServiceId.of("login", 0), ServiceId.parse("login#0@dev"));
    }

    @Test
    void refusesMalformedIds() {
        for (String bad : List.of("game", "game#x@dev", "#1@dev", "game#1@", "ga.me#1@dev", "game#-1@dev")) {
            assertThrows(IllegalArgumentException.class, () -> ServiceId.parse(bad), bad);
        }
    }

    @Test
    void anInstanceKnowsItsAddressAndCopiesItsMeta() {
        ServiceInstance i = new ServiceInstance(ServiceId.of("game", 1), "10.0.0.1", 7000, Map.of("WANAddress", "x"),
                ServiceLoad.ZERO);
        assertEquals("10.0.0.1:7000", i.address());
        assertEquals("[::1]:7000", ServiceInstance.of(ServiceId.of("game", 1), "::1", 7000).address());
        assertEquals(new ServiceLoad(1, 2, 3), i.withLoad(new ServiceLoad(1, 2, 3)).load());
        assertEquals(6, new ServiceLoad(1, 2, 3).score());
    }
}
