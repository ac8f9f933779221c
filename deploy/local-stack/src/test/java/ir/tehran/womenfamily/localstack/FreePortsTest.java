package ir.tehran.womenfamily.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Ports handed out one call after another never repeat, although each is free again between the calls. */
class FreePortsTest {

    @Test
    void aPortIsNeverHandedOutTwice() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            int[] ports = FreePorts.allocate(i % 3 + 1);
            for (int port : ports) {
                assertTrue(port > 0);
                assertTrue(seen.add(port), "port " + port + " handed out twice");
            }
        }
        assertEquals(600, seen.size());
    }
}
