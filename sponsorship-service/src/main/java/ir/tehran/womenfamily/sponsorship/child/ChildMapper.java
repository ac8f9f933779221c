package ir.tehran.womenfamily.sponsorship.child;

import java.time.Clock;
import java.time.LocalDate;

import ir.tehran.womenfamily.sponsorship.SponsorshipConfig;
import ir.tehran.womenfamily.sponsorship.consent.SponsorshipConsent;
import ir.tehran.womenfamily.sponsorship.mother.Mother;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Roster entities to API views, in one place. */
@ApplicationScoped
public class ChildMapper {

    @Inject
    Clock clock;

    @Inject
    SponsorshipConfig config;

    public ChildDtos.ChildSummary summary(Child c) {
        return summary(c, false);
    }

    public ChildDtos.ChildSummary summary(Child c, boolean atRisk) {
        return new ChildDtos.ChildSummary(c.id, c.status(), c.firstNameInitial, c.birthDate,
            Days.jalali(c.birthDate), age(c), c.gender, c.grade, c.district, c.giftedCandidate, atRisk);
    }

    public ChildDtos.ChildView view(Child c, Mother mother, boolean atRisk, String school) {
        LocalDate agesOut = Ages.anniversary(c.birthDate, config.ageOut().age());
        return new ChildDtos.ChildView(c.id, c.status(), c.firstNameInitial, c.motherId, c.registryMotherId,
            mother == null ? null : mother.status, mother == null ? null : mother.supportLevel,
            SponsorshipConsent.given(c.motherId), c.birthDate, Days.jalali(c.birthDate), age(c), agesOut,
            Days.jalali(agesOut), c.gender, c.grade, school,
            c.district, c.giftedCandidate, atRisk, c.agedOutOn, Days.jalali(c.agedOutOn), c.removedAt,
            c.firstSeenAt, c.registryUpdatedAt);
    }

    public ChildDtos.HistoryLine history(ChildHistory h) {
        return new ChildDtos.HistoryLine(h.occurredAt, h.kind, h.detail);
    }

    private int age(Child c) {
        return Ages.ageOn(c.birthDate, Tehran.today(clock));
    }
}
