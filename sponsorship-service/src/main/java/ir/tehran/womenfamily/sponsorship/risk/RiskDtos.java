package ir.tehran.womenfamily.sponsorship.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.child.Child;
import ir.tehran.womenfamily.support.problem.Messages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The rule's verdicts as the API shows them, each reason explained in the reader's language. */
public final class RiskDtos {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RiskDtos() {
    }

    @Schema(name = "RiskReason", description = "One test of the rule that failed, with its numbers and a sentence.")
    public record ReasonView(RiskReason.Code code, String subject, BigDecimal value, BigDecimal previous,
            BigDecimal threshold, String explanation) {

        public static ReasonView of(RiskReason r, Locale locale) {
            return new ReasonView(r.code(), r.subject() == null ? null : r.subject().name(), r.value(), r.previous(),
                r.threshold(), explain(r, locale));
        }

        static List<ReasonView> of(RiskStatus s, Locale locale) {
            return s.reasons.stream().map(r -> of(r, locale)).toList();
        }
    }

    @Schema(name = "RiskStatus")
    public record StatusView(UUID childId, boolean atRisk, int academicYear, int term, List<ReasonView> reasons,
            Instant evaluatedAt, Instant flaggedAt) {

        public static StatusView of(RiskStatus s, Locale locale) {
            return new StatusView(s.childId, s.atRisk, s.academicYear, s.term, ReasonView.of(s, locale),
                s.evaluatedAt, s.flaggedAt);
        }
    }

    @Schema(name = "AtRiskChild", description = "A child on the at-risk list.")
    public record AtRiskView(UUID childId, Short district, Short grade, int academicYear, int term,
            List<ReasonView> reasons, Instant flaggedAt) {

        public static AtRiskView of(Child c, RiskStatus s, Locale locale) {
            return new AtRiskView(c.id, c.district, c.grade, s.academicYear, s.term, ReasonView.of(s, locale),
                s.flaggedAt);
        }
    }

    static String explain(RiskReason r, Locale locale) {
        return switch (r.code()) {
            case AVERAGE_DROP -> Messages.get(locale, "risk.AVERAGE_DROP", plain(r.previous()), plain(r.value()),
                plain(r.threshold()));
            case CORE_SUBJECT_BELOW_PASS -> Messages.get(locale, "risk.CORE_SUBJECT_BELOW_PASS",
                new Messages.Key("subject." + r.subject(), r.subject().name()), plain(r.value()),
                plain(r.threshold()));
            case HIGH_ABSENCE -> Messages.get(locale, "risk.HIGH_ABSENCE", percent(r.value()), percent(r.threshold()));
        };
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal rate) {
        return rate.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
