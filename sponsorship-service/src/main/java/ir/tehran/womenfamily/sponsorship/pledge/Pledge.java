package ir.tehran.womenfamily.sponsorship.pledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.sponsorship.ledger.Balances;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A sponsor's pledge for one child and one purpose. {@code PROPOSED} while the child is held for the
 * sponsor, {@code ACTIVE} once confirmed (a sponsorship), then {@code ENDED}; a proposal that is not
 * confirmed is {@code RELEASED}. A sponsorship is {@code SUSPENDED} while the child's mother does not consent to
 * sponsorship, and {@code ACTIVE} again when she does. The payer may be another benefactor (a company paying for its
 * employee's sponsorship). The running balances are the sums of its ledger entries.
 */
@Entity
@Table(name = "pledge")
public class Pledge extends PanacheEntityBase {

    public static final String AGGREGATE = "sponsorship";

    /** What the money is for. */
    @Schema(name = "PledgePurpose")
    public enum Purpose {
        EDUCATION,
        SCHOOL_FEES,
        COURSE,
        GENERAL
    }

    /** How it is paid. */
    @Schema(name = "PledgeSchedule")
    public enum Schedule {
        ONE_OFF,
        MONTHLY
    }

    /** Where the pledge stands. */
    @Schema(name = "PledgeStatus")
    public enum Status {
        PROPOSED,
        ACTIVE,
        /** Paused while the mother's consent to sponsorship is revoked; resumes when she consents again. */
        SUSPENDED,
        ENDED,
        RELEASED
    }

    /** Why a sponsorship ended. */
    @Schema(name = "PledgeEndReason")
    public enum EndReason {
        SPONSOR_WITHDREW,
        COMPLETED,
        CHILD_AGED_OUT,
        CHILD_REMOVED,
        OTHER
    }

    /** Why a proposal was released. */
    @Schema(name = "PledgeReleaseReason")
    public enum ReleaseReason {
        DECLINED,
        EXPIRED,
        CHILD_AGED_OUT,
        CHILD_REMOVED
    }

    @Id
    public UUID id;

    @Column(name = "sponsor_id", nullable = false)
    public UUID sponsorId;

    @Column(name = "payer_id", nullable = false)
    public UUID payerId;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Schedule schedule;

    @Column(name = "instalment_rials", nullable = false)
    public long instalmentRials;

    @Column(nullable = false)
    public short months;

    @Column(name = "total_rials", nullable = false)
    public long totalRials;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "held_until")
    public Instant heldUntil;

    /** Why matching chose this child, when it did. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "match_reasons", nullable = false)
    public List<String> matchReasons = new ArrayList<>();

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "release_reason")
    public ReleaseReason releaseReason;

    @Column(name = "suspended_at")
    public Instant suspendedAt;

    /** What the last suspension released (still to come from the payer then), pledged again on resumption. */
    @Column(name = "suspended_rials", nullable = false)
    public long suspendedRials;

    /** What resumptions pledged again in all: the ledger's pledged sum is the total plus this. */
    @Column(name = "repledged_rials", nullable = false)
    public long repledgedRials;

    @Column(name = "pledged_rials", nullable = false)
    public long pledgedRials;

    @Column(name = "released_rials", nullable = false)
    public long releasedRials;

    @Column(name = "received_rials", nullable = false)
    public long receivedRials;

    @Column(name = "disbursed_rials", nullable = false)
    public long disbursedRials;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;

    public Balances balances() {
        return new Balances(pledgedRials, releasedRials, receivedRials, disbursedRials);
    }

    void balances(Balances b) {
        pledgedRials = b.pledged();
        releasedRials = b.released();
        receivedRials = b.received();
        disbursedRials = b.disbursed();
    }
}
