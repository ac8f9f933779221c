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
import jakarta.persistence.Version;

/**
 * The case of a mother imprisoned for an unintentional or financial offence, from what she owes to her release
 * and her path into the register's work. Invariants, kept by the methods and checked again by the table:
 * <ul>
 *   <li>what is due is the creditor's settlement when there is one, else what she owes; a settlement never
 *       exceeds what she owes, and never falls below what the campaign fund has already paid;</li>
 *   <li>what the fund pays ({@code drawnRials}) never exceeds what is due;</li>
 *   <li>court steps, a settlement and draws belong to an open case; her path into work (placement, centre,
 *       production) to a released one; nothing happens before the case was opened, nor after today.</li>
 * </ul>
 * Every change is a {@link ReleaseStep} in her history; a case causes no event (a release case is a sensitive
 * fact). Its {@code toString} names no fact.
 */
@Entity
@Table(name = "release_case")
public class ReleaseCase extends PanacheEntityBase {

    /** What she was held for. */
    public enum Offence {
        UNINTENTIONAL, FINANCIAL
    }

    /** What she owes: blood money, a debt, or a fine. */
    public enum Obligation {
        DIYA, DEBT, FINE
    }

    public enum State {
        OPEN, RELEASED
    }

    /** A rule of the case that a step broke; {@code code} is the problem type. */
    public static final class Refused extends RuntimeException {

        private final String code;

        Refused(String code) {
            super(code);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Offence offence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Obligation obligation;

    @Column(name = "owed_rials", nullable = false)
    public long owedRials;

    @Column(name = "settled_rials")
    public Long settledRials;

    @Column(name = "drawn_rials", nullable = false)
    public long drawnRials;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "opened_on", nullable = false)
    public LocalDate openedOn;

    @Column(name = "released_on")
    public LocalDate releasedOn;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Version
    public long version;

    /** A new open case and its first step. */
    public static ReleaseCase open(UUID beneficiaryId, Offence offence, Obligation obligation, long owedRials,
            LocalDate openedOn, String by, Instant now) {
        if (owedRials <= 0) {
            throw new Refused("release-amount-not-positive");
        }
        ReleaseCase c = new ReleaseCase();
        c.id = UUID.randomUUID();
        c.beneficiaryId = beneficiaryId;
        c.offence = offence;
        c.obligation = obligation;
        c.owedRials = owedRials;
        c.drawnRials = 0;
        c.state = State.OPEN;
        c.openedOn = openedOn;
        c.openedAt = now;
        c.openedBy = by;
        return c;
    }

    /** What is due: the creditor's settlement when there is one, else what she owes. */
    public long dueRials() {
        return settledRials != null ? settledRials : owedRials;
    }

    /** What is still to be paid before the obligation is met. */
    public long remainingRials() {
        return dueRials() - drawnRials;
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    /**
     * Applies one step to the case (the caller keeps the step as history), or {@link Refused} when it breaks a
     * rule. A draw is not a step one records: it is {@link #draw}.
     */
    public void apply(ReleaseStep.Kind kind, LocalDate on, Long amountRials, UUID reference) {
        if (on.isBefore(openedOn)) {
            throw new Refused("release-step-before-opening");
        }
        if (kind.needsAmount() != (amountRials != null)) {
            throw new Refused(kind.needsAmount() ? "release-step-amount-missing" : "release-step-amount-unexpected");
        }
        if (kind.needsReference() != (reference != null)) {
            throw new Refused(kind.needsReference() ? "release-step-reference-missing"
                : "release-step-reference-unexpected");
        }
        if (kind.afterRelease()) {
            if (isOpen()) {
                throw new Refused("release-case-not-released");
            }
            if (on.isBefore(releasedOn)) {
                throw new Refused("release-step-before-release");
            }
            return;
        }
        if (!isOpen()) {
            throw new Refused("release-case-released");
        }
        switch (kind) {
            case CREDITOR_SETTLEMENT -> {
                if (amountRials < 0 || amountRials > owedRials) {
                    throw new Refused("release-settlement-exceeds-owed");
                }
                if (amountRials < drawnRials) {
                    throw new Refused("release-settlement-below-drawn");
                }
                settledRials = amountRials;
            }
            case RELEASED -> {
                state = State.RELEASED;
                releasedOn = on;
            }
            default -> {
                // a court step changes nothing but the history
            }
        }
    }

    /**
     * The campaign fund is asked to pay {@code amountRials} toward what is due (an open case, never beyond it); it
     * counts as drawn from the request on, until the fund refuses it ({@link #drawRefused}).
     */
    public void draw(long amountRials) {
        if (!isOpen()) {
            throw new Refused("release-case-released");
        }
        if (amountRials <= 0) {
            throw new Refused("release-amount-not-positive");
        }
        if (amountRials > remainingRials()) {
            throw new Refused("release-draw-exceeds-due");
        }
        drawnRials += amountRials;
    }

    /** A draw the fund refused gives back what it had reserved of what is due. */
    public void drawRefused(long amountRials) {
        if (amountRials <= 0 || amountRials > drawnRials) {
            throw new IllegalArgumentException("a refused draw returns at most what was drawn");
        }
        drawnRials -= amountRials;
    }

    @Override
    public String toString() {
        return "ReleaseCase[" + id + "]";
    }
}
