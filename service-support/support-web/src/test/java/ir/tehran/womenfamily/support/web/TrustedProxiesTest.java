package ir.tehran.womenfamily.support.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The services' trusted proxies are address ranges in CIDR form ({@code 127.0.0.1/32}, {@code ::1/128}), which
 * Quarkus checks without a name lookup. Any other entry goes through its host-and-port reading: a bare {@code ::1}
 * is read as host {@code :} and port 1 and resolved by DNS on requests, and a request waiting on that lookup
 * stalls for the resolver's 5 s timeout (about one request in sixty did, on every service).
 */
class TrustedProxiesTest {

    /** An IPv4 or IPv6 literal and a prefix length: the form Quarkus matches as a range, never by name. */
    private static final Pattern RANGE = Pattern.compile("[0-9a-fA-F:.]+/\\d{1,3}");

    @Test
    void everyTrustedProxyIsAnAddressRange() throws IOException {
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        List<String> entries = List.of(config.getProperty("quarkus.http.proxy.trusted-proxies").split(","));
        assertFalse(entries.isEmpty());
        for (String entry : entries) {
            assertTrue(RANGE.matcher(entry.strip()).matches(),
                () -> entry + " is not an address range: Quarkus would resolve it by DNS on requests");
        }
    }
}
