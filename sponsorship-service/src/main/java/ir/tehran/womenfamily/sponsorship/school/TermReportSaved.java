package ir.tehran.womenfamily.sponsorship.school;

import java.util.UUID;

/**
 * Fired, synchronously and inside the saving transaction, once a report card of {@code childId} is stored:
 * the at-risk rule ({@code risk.RiskService}) re-evaluates her. The report cards do not know who listens, so
 * the risk package builds on this one and not the reverse; an observer that throws rolls the save back.
 */
public record TermReportSaved(UUID childId) {
}
