package ir.tehran.womenfamily.sponsorship.child;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.sponsorship.mother.Mother;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for the roster; staff only (sponsors see {@code /me/children}). */
public final class ChildDtos {

    private ChildDtos() {
    }

    @Schema(name = "ChildSummary", description = "A child in a list of the roster.")
    public record ChildSummary(UUID id, Child.Status status,
            @Schema(description = "The first letter of her first name (folded); null when the registry has not "
                + "sent it", examples = "ز") String firstNameInitial,
            LocalDate birthDate,
            @Schema(examples = "1392-06-14") String birthDateJalali, int age, Gender gender, Short grade,
            Short district, boolean giftedCandidate, boolean atRisk) {

        /** Her age as of {@code today}. */
        public static ChildSummary of(Child c, boolean atRisk, LocalDate today) {
            return new ChildSummary(c.id, c.status(), c.firstNameInitial, c.birthDate, Days.jalali(c.birthDate),
                Ages.ageOn(c.birthDate, today), c.gender, c.grade, c.district, c.giftedCandidate, atRisk);
        }
    }

    @Schema(name = "Child", description = "A child of a registered woman, as the roster holds her. Of her name only "
        + "its first letter: the registry's events carry no more, by design.")
    public record ChildView(UUID id, Child.Status status, String firstNameInitial, UUID motherId,
            @Schema(description = "The mother's id in the registry's last event, before merges") UUID registryMotherId,
            Mother.Status motherStatus, Mother.SupportLevel motherSupportLevel,
            @Schema(description = "Whether her mother consents, in the registry, to her children being matched and "
                + "shown to sponsors (SPONSORSHIP); without it she is never proposed to a sponsor")
            boolean motherConsentsToSponsorship,
            LocalDate birthDate, String birthDateJalali, int age,
            @Schema(description = "The day she ages out (20th Jalali birthday)") LocalDate agesOutOn,
            String agesOutOnJalali, Gender gender, Short grade,
            @Schema(description = "The school of her latest report card that names one") String school,
            Short district, boolean giftedCandidate,
            boolean atRisk, LocalDate agedOutOn, String agedOutOnJalali, Instant removedAt, Instant firstSeenAt,
            Instant registryUpdatedAt) {

        /** Her age as of {@code today}; she ages out on her {@code ageOutAge}th birthday. */
        public static ChildView of(ChildService.Detail d, LocalDate today, int ageOutAge) {
            Child c = d.child();
            Mother mother = d.mother();
            LocalDate agesOut = Ages.anniversary(c.birthDate, ageOutAge);
            return new ChildView(c.id, c.status(), c.firstNameInitial, c.motherId, c.registryMotherId,
                mother == null ? null : mother.status, mother == null ? null : mother.supportLevel,
                d.motherConsents(), c.birthDate, Days.jalali(c.birthDate), Ages.ageOn(c.birthDate, today), agesOut,
                Days.jalali(agesOut), c.gender, c.grade, d.school(), c.district, c.giftedCandidate, d.atRisk(),
                c.agedOutOn, Days.jalali(c.agedOutOn), c.removedAt, c.firstSeenAt, c.registryUpdatedAt);
        }
    }

    @Schema(name = "ChildHistoryLine", description = "One thing that happened to a child.")
    public record HistoryLine(Instant occurredAt, String kind, Map<String, Object> detail) {

        public static HistoryLine of(ChildHistory h) {
            return new HistoryLine(h.occurredAt, h.kind, h.detail);
        }
    }
}
