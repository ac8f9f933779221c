package ir.tehran.womenfamily.registry.correction;

import java.util.UUID;

/**
 * Payload of {@code correction.handled} v1 on {@code registry.correction}, keyed by the woman's id: a caseworker
 * handled a woman's correction request. No personal data: ids and the outcome (what was corrected stays in the
 * register; the notifications service tells her to look).
 */
public record CorrectionHandled(UUID correctionId, UUID beneficiaryId, Correction.Status outcome) {

    public static final String AGGREGATE = "correction";
    public static final String TYPE = "correction.handled";
}
