package ir.tehran.womenfamily.registry.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step in the history of a {@link ReleaseCase}; only ever added. Its {@code toString} names no fact. */
@Entity
@Table(name = "release_step")
public class ReleaseStep extends PanacheEntityBase {

    /** What happened; whether it carries an amount or a reference, and whether it follows her release. */
    public enum Kind {
        OPENED(true, false, false),
        COURT_HEARING(false, false, false),
        COURT_RULING(false, false, false),
        COURT_OTHER(false, false, false),
        CREDITOR_SETTLEMENT(true, false, false),
        /** The campaign fund was asked to pay ({@code referenceId}: the draw). */
        FUND_DRAW(true, true, false),
        /** The campaign fund refused the draw: nothing was paid ({@code referenceId}: the draw). */
        FUND_DRAW_REFUSED(true, true, false),
        RELEASED(false, false, false),
        /** She took up a placement of hers ({@code referenceId}: the placement). */
        PLACEMENT(false, true, true),
        /** She joined a workshop centre ({@code referenceId}: the centre). */
        CENTRE(false, true, true),
        /** She works on a production order ({@code referenceId}: the order). */
        PRODUCTION(false, true, true);

        private final boolean amount;
        private final boolean reference;
        private final boolean afterRelease;

        Kind(boolean amount, boolean reference, boolean afterRelease) {
            this.amount = amount;
            this.reference = reference;
            this.afterRelease = afterRelease;
        }

        public boolean needsAmount() {
            return amount;
        }

        public boolean needsReference() {
            return reference;
        }

        public boolean afterRelease() {
            return afterRelease;
        }

        /** The kinds a caseworker records herself (opening and draws come from their own operations). */
        public boolean recordable() {
            return this != OPENED && this != FUND_DRAW && this != FUND_DRAW_REFUSED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "on_day", nullable = false)
    public LocalDate on;

    @Column(name = "amount_rials")
    public Long amountRials;

    @Column(name = "reference_id")
    public UUID referenceId;

    public String note;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public static ReleaseStep of(UUID caseId, Kind kind, LocalDate on, Long amountRials, UUID referenceId,
            String note, String by, Instant now) {
        ReleaseStep s = new ReleaseStep();
        s.id = UUID.randomUUID();
        s.caseId = caseId;
        s.kind = kind;
        s.on = on;
        s.amountRials = amountRials;
        s.referenceId = referenceId;
        s.note = note == null || note.isBlank() ? null : note.strip();
        s.recordedBy = by;
        s.recordedAt = now;
        return s;
    }

    @Override
    public String toString() {
        return "ReleaseStep[" + id + "]";
    }
}
