package ir.tehran.womenfamily.registry.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AgencyTest {

    @Test
    void namesMatchWhateverTheirSpelling() {
        Agency arabic = new Agency(AgencyKind.OTHER, "انجمن حمايت زندانيان");
        Agency persian = new Agency(AgencyKind.OTHER, "انجمن حمایت  زندانیان");
        assertTrue(arabic.covers(persian));
        assertFalse(arabic.covers(new Agency(AgencyKind.OTHER, "خانه امن")));
        assertThrows(IllegalArgumentException.class, () -> new Agency(AgencyKind.OTHER, " "));
    }

    @Test
    void aConsentWithoutANameCoversEveryAgencyOfItsKind() {
        Agency benefactors = new Agency(AgencyKind.BENEFACTORS, null);
        assertTrue(benefactors.covers(new Agency(AgencyKind.BENEFACTORS, "خیریه کهریزک")));
        assertFalse(new Agency(AgencyKind.BENEFACTORS, "خیریه کهریزک").covers(benefactors));
        assertFalse(benefactors.covers(new Agency(AgencyKind.RELIEF_COMMITTEE, null)));
    }

    @Test
    void aRevokedConsentAllowsNothing() {
        Agency relief = new Agency(AgencyKind.RELIEF_COMMITTEE, null);
        Consent c = Consent.give(UUID.randomUUID(), ConsentPurpose.SHARE_WITH_AGENCY, relief, LocalDate.now(),
            ConsentChannel.VERBAL, "cw", Instant.now());
        assertTrue(c.allows(ConsentPurpose.SHARE_WITH_AGENCY, relief));
        assertFalse(c.allows(ConsentPurpose.SHARE_WITH_AGENCY, new Agency(AgencyKind.WELFARE_ORGANISATION, null)));
        assertFalse(c.allows(ConsentPurpose.SPONSORSHIP, null));
        assertTrue(c.revoke("cw", Instant.now()));
        assertFalse(c.revoke("cw", Instant.now()));
        assertFalse(c.allows(ConsentPurpose.SHARE_WITH_AGENCY, relief));
    }

    @Test
    void theLookupReadsAnAgencyAsAKindOrAName() {
        assertTrue(new Agency(AgencyKind.RELIEF_COMMITTEE, null)
            .covers(ConsentRegister.agencyOf("RELIEF_COMMITTEE")));
        assertTrue(new Agency(AgencyKind.OTHER, "خانه امن").covers(ConsentRegister.agencyOf("خانه امن")));
        assertNull(ConsentRegister.agencyOf(" "));
    }
}
