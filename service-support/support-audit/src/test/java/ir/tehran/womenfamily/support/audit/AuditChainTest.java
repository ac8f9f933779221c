package ir.tehran.womenfamily.support.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant T0 = Instant.parse("2024-03-06T10:15:30.123456Z");

    /** An object mother: a chain of {@code n} sealed entries after {@code anchor}. */
    static List<AuditEntry> chain(AuditChain.Link anchor, int n) {
        List<AuditEntry> out = new ArrayList<>();
        String previous = anchor.hash();
        for (int i = 1; i <= n; i++) {
            AuditEntry e = entry(anchor.seq() + i, "cw-" + i, Map.of("n", Integer.toString(i))).sealed(previous);
            out.add(e);
            previous = e.hash();
        }
        return out;
    }

    static AuditEntry entry(long seq, String actor, Map<String, String> detail) {
        return new AuditEntry(seq, T0.plusSeconds(seq), actor, "mobile-app", "caseworker", "casework", "req-" + seq,
            "cohort.read", "beneficiary.cohorts", "6f1b7c1e-0000-4000-8000-000000000001", "SUCCESS", detail, null,
            null);
    }

    private static Optional<AuditChain.Break> walk(AuditChain.Link anchor, List<AuditEntry> entries) {
        AuditChain.Walk walk = new AuditChain.Walk(anchor);
        for (AuditEntry e : entries) {
            walk.next(e);
        }
        return walk.broken();
    }

    @Test
    void anUntouchedChainVerifies() {
        List<AuditEntry> entries = chain(AuditChain.Link.GENESIS_LINK, 5);
        assertEquals(AuditChain.GENESIS, entries.get(0).prevHash());
        assertTrue(walk(AuditChain.Link.GENESIS_LINK, entries).isEmpty());
    }

    @Test
    void theHashCoversEveryFieldAndThePreviousHash() {
        AuditEntry e = entry(1, "cw", Map.of("a", "1"));
        String h = AuditChain.hash(AuditChain.GENESIS, e);
        assertEquals(64, h.length());
        assertEquals(h, AuditChain.hash(AuditChain.GENESIS, e), "deterministic");
        assertNotEquals(h, AuditChain.hash("1".repeat(64), e));
        assertNotEquals(h, AuditChain.hash(AuditChain.GENESIS, entry(1, "cw2", Map.of("a", "1"))));
        assertNotEquals(h, AuditChain.hash(AuditChain.GENESIS, entry(1, "cw", Map.of("a", "2"))));
        assertNotEquals(h, AuditChain.hash(AuditChain.GENESIS, entry(1, "cw", Map.of("a", "1", "b", "1"))));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditEntry a = new AuditEntry(1, T0, "ab", "c", "", null, null, "x", "y", null, "SUCCESS", Map.of(), null,
            null);
        AuditEntry b = new AuditEntry(1, T0, "a", "bc", "", null, null, "x", "y", null, "SUCCESS", Map.of(), null,
            null);
        AuditEntry nullVersusEmpty = new AuditEntry(1, T0, "ab", "c", "", "", null, "x", "y", null, "SUCCESS",
            Map.of(), null, null);
        assertNotEquals(AuditChain.canonical(a), AuditChain.canonical(b));
        assertNotEquals(AuditChain.canonical(a), AuditChain.canonical(nullVersusEmpty));
    }

    @Test
    void aChangedEntryIsTheFirstBrokenLink() {
        List<AuditEntry> entries = chain(AuditChain.Link.GENESIS_LINK, 5);
        AuditEntry third = entries.get(2);
        entries.set(2, new AuditEntry(third.seq(), third.at(), "someone-else", third.clientId(), third.roles(),
            third.purpose(), third.requestId(), third.action(), third.resourceType(), third.resourceId(),
            third.outcome(), third.detail(), third.prevHash(), third.hash()));
        AuditChain.Break b = walk(AuditChain.Link.GENESIS_LINK, entries).orElseThrow();
        assertEquals(3, b.seq());
        assertTrue(b.reason().contains("changed"), b.reason());
    }

    @Test
    void aRehashedEntryBreaksTheNextLink() {
        List<AuditEntry> entries = chain(AuditChain.Link.GENESIS_LINK, 5);
        AuditEntry third = entries.get(2);
        entries.set(2, new AuditEntry(third.seq(), third.at(), "someone-else", third.clientId(), third.roles(),
            third.purpose(), third.requestId(), third.action(), third.resourceType(), third.resourceId(),
            third.outcome(), third.detail(), null, null).sealed(third.prevHash()));
        assertEquals(4, walk(AuditChain.Link.GENESIS_LINK, entries).orElseThrow().seq());
    }

    @Test
    void aRemovedEntryIsAGap() {
        List<AuditEntry> entries = chain(AuditChain.Link.GENESIS_LINK, 5);
        entries.remove(1);
        AuditChain.Break b = walk(AuditChain.Link.GENESIS_LINK, entries).orElseThrow();
        assertEquals(3, b.seq());
        assertTrue(b.reason().contains("expected entry 2"), b.reason());
    }

    @Test
    void aChainStartsAtItsAnchorAfterRetention() {
        List<AuditEntry> all = chain(AuditChain.Link.GENESIS_LINK, 6);
        AuditEntry lastRemoved = all.get(2);
        AuditChain.Link anchor = new AuditChain.Link(lastRemoved.seq(), lastRemoved.hash());
        List<AuditEntry> kept = all.subList(3, 6);
        assertTrue(walk(anchor, kept).isEmpty());
        assertEquals(4, walk(AuditChain.Link.GENESIS_LINK, kept).orElseThrow().seq(), "without the anchor: a gap");
        assertEquals(4, walk(new AuditChain.Link(3, AuditChain.GENESIS), kept).orElseThrow().seq(),
            "a forged anchor does not link");
    }

    @Test
    void detailsAreShortPlainStrings() {
        AuditEvent e = AuditEvent.of("cohort.read", "beneficiary.cohorts", "x")
            .withDetail("k", "a\nb" + "c".repeat(300));
        assertEquals(AuditEvent.MAX_DETAIL_VALUE, e.detail().get("k").length());
        assertEquals("a b", e.detail().get("k").substring(0, 3));
        assertThrows(IllegalArgumentException.class,
            () -> new AuditEvent("a", "b", null, null, null, Map.of("k", "line\nbreak")));
        assertThrows(IllegalArgumentException.class, () -> AuditEvent.of(" ", "b", null));
    }
}
