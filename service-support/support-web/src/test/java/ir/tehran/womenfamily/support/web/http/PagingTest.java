package ir.tehran.womenfamily.support.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import ir.tehran.womenfamily.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The request side of a list (limit, cursor) and the page it makes, keyset and in memory. */
class PagingTest {

    private static void assertNames(String field, Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        assertEquals(400, e.status());
        assertEquals(field, e.errors().get(0).field());
    }

    @Test
    void aCursorRoundTripsItsTypedParts() {
        Instant at = Instant.parse("2026-12-07T05:00:00.123456Z");
        UUID id = UUID.randomUUID();
        String raw = Cursor.of(at, id, 42L).encode();
        assertEquals(-1, raw.indexOf('='));
        Cursor c = Cursor.decode(raw, 3);
        assertEquals(at, c.instant(0));
        assertEquals(id, c.uuid(1));
        assertEquals(42L, c.longValue(2));
        assertNull(Cursor.decode(null, 3));
        assertNull(Cursor.decode(" ", 3));
    }

    @Test
    void aGarbledOrTamperedCursorIsA400NamingCursor() {
        String raw = Cursor.of("2026-12-07T05:00:00Z", "x").encode();
        assertNames("cursor", () -> Cursor.decode("%%%", 2));
        assertNames("cursor", () -> Cursor.decode("abc", 2));
        assertNames("cursor", () -> Cursor.decode(raw, 3));
        assertNames("cursor", () -> Cursor.decode(raw, 2).uuid(1));
        assertNames("cursor", () -> Cursor.decode(raw, 2).longValue(1));
        assertNames("cursor", () -> Cursor.decode(Cursor.of("yesterday").encode(), 1).instant(0));
    }

    @Test
    void theLimitDefaultsTo50AndMustBeFrom1To200() {
        assertEquals(50, PageRequest.of(null, null, 1).limit());
        assertEquals(200, PageRequest.of("200", null, 1).limit());
        assertEquals(1, PageRequest.of(" 1 ", null, 1).limit());
        for (String bad : List.of("0", "201", "-3", "ten", "1.5")) {
            assertNames("limit", () -> PageRequest.of(bad, null, 1));
        }
        ProblemException both = assertThrows(ProblemException.class, () -> PageRequest.of("0", "abc", 1));
        assertEquals(List.of("limit", "cursor"), both.errors().stream().map(ProblemException.FieldError::field)
            .toList());
    }

    @Test
    void aKeysetPageHasANextCursorOnlyWhenMoreRowsFollow() {
        PageRequest req = PageRequest.of("2", null, 1);
        assertEquals(3, req.fetchSize());
        Page<Integer> page = req.page(List.of(5, 6, 7), n -> Cursor.of(n));
        assertEquals(List.of(5, 6), page.items());
        assertEquals(6L, Cursor.decode(page.nextCursor(), 1).longValue(0));
        Page<Integer> last = req.page(List.of(5, 6), n -> Cursor.of(n));
        assertEquals(List.of(5, 6), last.items());
        assertNull(last.nextCursor());
        assertEquals(List.of("5", "6"), last.map(String::valueOf).items());
    }

    @Test
    void aListInMemoryIsSlicedAfterTheLastItemRead() {
        List<String> all = new ArrayList<>(IntStream.range(0, 5).mapToObj(i -> "k" + i).toList());
        Page<String> one = PageRequest.of("2", null).slice(all, s -> s);
        assertEquals(List.of("k0", "k1"), one.items());
        Page<String> two = PageRequest.of("2", one.nextCursor()).slice(all, s -> s);
        assertEquals(List.of("k2", "k3"), two.items());
        Page<String> three = PageRequest.of("2", two.nextCursor()).slice(all, s -> s);
        assertEquals(List.of("k4"), three.items());
        assertNull(three.nextCursor());
        all.remove("k3");
        assertEquals(List.of("k4"), PageRequest.of("2", two.nextCursor()).slice(all, s -> s).items());
        all.add(0, "new");
        assertEquals(List.of("k2", "k4"), PageRequest.of("2", one.nextCursor()).slice(all, s -> s).items());
        assertNames("cursor", () -> PageRequest.of("2", Cursor.of(-1, "k1").encode()).slice(all, s -> s));
    }

    @Test
    void updatedSinceIsAnIsoInstantOrA400NamingIt() {
        assertNull(Delta.updatedSince(null));
        assertEquals(Instant.parse("2026-12-07T05:00:00Z"), Delta.updatedSince("2026-12-07T05:00:00Z"));
        assertNames("updatedSince", () -> Delta.updatedSince("1405-09-16"));
        Delta<String> d = Delta.of(Page.last(List.of("a")), List.of(new Delta.Tombstone("b", Instant.EPOCH)),
            Instant.EPOCH);
        assertEquals("1970-01-01T00:00:00Z", d.syncToken());
        assertNull(d.nextCursor());
    }
}
