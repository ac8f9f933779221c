package ir.tehran.womenfamily.registry.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.jalali.JalaliQuarter;
import org.junit.jupiter.api.Test;

/** The rules of a release case and the Jalali quarters of its figures, without a database. */
class ReleaseCaseTest {

    private static final LocalDate OPENED = LocalDate.of(2025, 4, 1);

    private static ReleaseCase debt(long owed) {
        return ReleaseCase.open(UUID.randomUUID(), ReleaseCase.Offence.FINANCIAL, ReleaseCase.Obligation.DEBT, owed,
            OPENED, "cw", Instant.EPOCH);
    }

    private static String refused(Runnable step) {
        return assertThrows(ReleaseCase.Refused.class, step::run).code();
    }

    @Test
    void aSettlementLowersWhatIsDueAndDrawsNeverExceedIt() {
        ReleaseCase c = debt(1_000_000_000L);
        c.draw(200_000_000L);
        assertEquals("release-settlement-below-drawn",
            refused(() -> c.apply(ReleaseStep.Kind.CREDITOR_SETTLEMENT, OPENED, 100_000_000L, null)));
        assertEquals("release-settlement-exceeds-owed",
            refused(() -> c.apply(ReleaseStep.Kind.CREDITOR_SETTLEMENT, OPENED, 1_000_000_001L, null)));
        c.apply(ReleaseStep.Kind.CREDITOR_SETTLEMENT, OPENED.plusDays(3), 600_000_000L, null);
        assertEquals(600_000_000L, c.dueRials());
        assertEquals(400_000_000L, c.remainingRials());
        assertEquals("release-draw-exceeds-due", refused(() -> c.draw(400_000_001L)));
        c.draw(400_000_000L);
        assertEquals(0, c.remainingRials());
        assertEquals("release-amount-not-positive", refused(() -> c.draw(0)));
    }

    @Test
    void herPathIntoWorkFollowsHerReleaseAndCourtStepsPrecedeIt() {
        ReleaseCase c = debt(5_000_000L);
        UUID placement = UUID.randomUUID();
        assertEquals("release-case-not-released",
            refused(() -> c.apply(ReleaseStep.Kind.PLACEMENT, OPENED, null, placement)));
        assertEquals("release-step-before-opening",
            refused(() -> c.apply(ReleaseStep.Kind.COURT_HEARING, OPENED.minusDays(1), null, null)));
        assertEquals("release-step-amount-unexpected",
            refused(() -> c.apply(ReleaseStep.Kind.COURT_RULING, OPENED, 5L, null)));
        assertEquals("release-step-reference-missing",
            refused(() -> c.apply(ReleaseStep.Kind.CENTRE, OPENED, null, null)));
        c.apply(ReleaseStep.Kind.COURT_HEARING, OPENED, null, null);
        c.apply(ReleaseStep.Kind.RELEASED, OPENED.plusDays(10), null, null);
        assertEquals(ReleaseCase.State.RELEASED, c.state);
        assertEquals(OPENED.plusDays(10), c.releasedOn);
        assertEquals("release-case-released",
            refused(() -> c.apply(ReleaseStep.Kind.COURT_RULING, OPENED.plusDays(11), null, null)));
        assertEquals("release-case-released", refused(() -> c.draw(1)));
        assertEquals("release-step-before-release",
            refused(() -> c.apply(ReleaseStep.Kind.PLACEMENT, OPENED.plusDays(9), null, placement)));
        c.apply(ReleaseStep.Kind.PLACEMENT, OPENED.plusDays(10), null, placement);
    }

    @Test
    void quartersAreJalaliAndCoverTheRange() {
        List<JalaliQuarter> quarters = ReleaseFigures.quarters(LocalDate.of(2025, 6, 20),
            LocalDate.of(2025, 12, 21));
        assertEquals(List.of("1404-Q1", "1404-Q2", "1404-Q3"),
            quarters.stream().map(JalaliQuarter::label).toList());
        // 1404-04-01 is 22 June 2025; 1404-09-30 is 21 December 2025
        assertEquals(LocalDate.of(2025, 6, 22), quarters.get(1).first());
        assertEquals(LocalDate.of(2025, 12, 21), quarters.get(2).last());
        assertEquals("1403-Q4", JalaliQuarter.of(LocalDate.of(2025, 3, 20)).label());
    }
}
