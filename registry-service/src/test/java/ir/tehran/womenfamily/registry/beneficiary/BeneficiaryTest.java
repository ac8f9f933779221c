package ir.tehran.womenfamily.registry.beneficiary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The aggregate alone: what each change does and which events it reports. */
class BeneficiaryTest {

    private static final Instant NOW = Instant.parse("2024-03-06T08:00:00Z");

    static Beneficiary.Registration register(Beneficiary.SupportLevel level) {
        return Beneficiary.register("0012345679", new Beneficiary.Profile("زهرا", "محمدي‌نژاد", null, null, null, null,
            (short) 5, null), null, level, "caseworker-1", NOW);
    }

    @Test
    void registrationFoldsTheNameAndReportsOneMinimalEvent() {
        Beneficiary.Registration r = register(null);

        assertEquals("محمدی‌نژاد", r.beneficiary().lastName);
        assertEquals("زهرا محمدینژاد", r.beneficiary().nameKey);
        assertEquals(Beneficiary.Status.APPLICANT, r.beneficiary().status);
        assertEquals(1, r.events().size());
        DomainEvent e = r.events().get(0);
        assertEquals("beneficiary.registered", e.type());
        assertEquals(r.beneficiary().id.toString(), e.aggregateId());
        Beneficiary.Registered payload = (Beneficiary.Registered) e.payload();
        assertEquals("1402-12-16", payload.registeredOn());
        assertEquals((short) 5, payload.district());
    }

    @Test
    void aRegistrationWithASupportLevelAlsoReportsTheLevel() {
        List<DomainEvent> events = register(Beneficiary.SupportLevel.COUNSELLING).events();
        assertEquals(List.of("beneficiary.registered", "beneficiary.support-level-changed"),
            events.stream().map(DomainEvent::type).toList());
    }

    @Test
    void statusFollowsTheLadderOfAllowedMoves() {
        Beneficiary b = register(null).beneficiary();
        assertThrows(ProblemException.class, () -> b.changeStatus(Beneficiary.Status.GRADUATED, null, "x", NOW));
        b.changeStatus(Beneficiary.Status.ACTIVE, null, "x", NOW);
        b.changeStatus(Beneficiary.Status.GRADUATED, null, "x", NOW);
        Beneficiary.HistoryChange back = b.changeStatus(Beneficiary.Status.ACTIVE, "needs help again", "x", NOW);
        assertEquals("GRADUATED", back.entry().fromValue);
        assertEquals("beneficiary.status-changed", back.events().get(0).type());
    }

    @Test
    void aMergedRecordCannotBeMergedAgain() {
        Beneficiary a = register(null).beneficiary();
        Beneficiary b = register(null).beneficiary();
        assertEquals("beneficiary.merged", a.mergeInto(b, NOW).get(0).type());
        assertThrows(ProblemException.class, () -> a.mergeInto(b, NOW));
        assertThrows(ProblemException.class, () -> b.mergeInto(b, NOW));
    }
}
