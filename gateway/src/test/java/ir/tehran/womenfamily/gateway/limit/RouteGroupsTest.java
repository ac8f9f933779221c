package ir.tehran.womenfamily.gateway.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RouteGroupsTest {

    private final RouteGroups groups = new RouteGroups(groups());

    @Test
    void theLongestPrefixWins() {
        assertEquals("token", groups.groupOf("/oauth2/token"));
        assertEquals("other", groups.groupOf("/oauth2/jwks"));
        assertEquals("api", groups.groupOf("/api/registry/beneficiaries"));
        assertEquals("probe", groups.groupOf("/api/registry/limited"));
        assertEquals("probe", groups.groupOf("/api/registry/limited/7"));
        assertEquals("admin", groups.groupOf("/admin"));
        assertEquals("admin", groups.groupOf("/admin/clients/x"));
    }

    @Test
    void prefixesMatchWholeSegments() {
        assertEquals("other", groups.groupOf("/administration"));
        assertEquals("api", groups.groupOf("/api/registry/limitedness"));
        assertEquals("other", groups.groupOf("/apis"));
    }

    @Test
    void withoutACatchAllUnmatchedPathsHaveNoGroup() {
        RouteGroups onlyApi = new RouteGroups(Map.of("api", List.of("/api/")));
        assertEquals("api", onlyApi.groupOf("/api/x"));
        assertNull(onlyApi.groupOf("/q/health"));
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("other", List.of("/"));
        g.put("token", List.of("/oauth2/token"));
        g.put("api", List.of("/api"));
        g.put("probe", List.of("api/registry/limited/"));
        g.put("admin", List.of("/admin"));
        return g;
    }
}
