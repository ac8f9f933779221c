package ir.tehran.womenfamily.sponsorship.risk;

import java.math.BigDecimal;

import ir.tehran.womenfamily.sponsorship.Subject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why the rule flags a child, with the numbers that made it so, so that an officer can check it by hand.
 *
 * @param code      which test failed
 * @param subject   the subject, for {@link Code#CORE_SUBJECT_BELOW_PASS}
 * @param value     the current average, the subject's score, or the absence rate
 * @param previous  the previous term's average, for {@link Code#AVERAGE_DROP}
 * @param threshold the configured threshold that was crossed
 */
public record RiskReason(Code code, Subject subject, BigDecimal value, BigDecimal previous, BigDecimal threshold) {

    /** The tests of the rule. */
    @Schema(name = "RiskReasonCode")
    public enum Code {
        AVERAGE_DROP,
        CORE_SUBJECT_BELOW_PASS,
        HIGH_ABSENCE
    }
}
