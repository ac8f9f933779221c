package ir.tehran.womenfamily.registry.beneficiary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import ir.tehran.womenfamily.support.events.DomainEvent;
import org.junit.jupiter.api.Test;

class BeneficiaryTest {

    @Test
    void registrationFoldsTheNameAndReportsOneMinimalEvent() {
        Instant now = Instant.parse("2024-03-06T08:00:00Z");
        Beneficiary.Registration r = Beneficiary.register("0012345679", "زهرا", "محمدي‌نژاد", "caseworker-1", now);

        assertEquals("محمدی‌نژاد", r.beneficiary().lastName);
        assertEquals("زهرا محمدینژاد", r.beneficiary().nameKey);
        assertEquals(1, r.events().size());
        DomainEvent e = r.events().get(0);
        assertEquals("beneficiary.registered", e.type());
        assertEquals(r.beneficiary().id.toString(), e.aggregateId());
        Beneficiary.BeneficiaryRegistered payload = (Beneficiary.BeneficiaryRegistered) e.payload();
        assertEquals("1402-12-16", payload.registeredOn());
    }
}
