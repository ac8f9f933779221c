package ir.tehran.womenfamily.sponsorship.child;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of a child's history; written by {@link ChildHistoryLog}, never changed. */
@Entity
@Table(name = "child_history")
public class ChildHistory extends PanacheEntityBase {

    /** What happened. */
    public enum Kind {
        ADDED,
        UPDATED,
        REMOVED,
        READDED,
        MOTHER_MERGED,
        MOTHER_SPLIT,
        AGED_OUT,
        RISK_FLAGGED,
        RISK_CLEARED,
        SPONSORSHIP_STARTED,
        SPONSORSHIP_ENDED,
        /** Her mother revoked her consent to sponsorship: the sponsorship waits (officers see the cause). */
        SPONSORSHIP_SUSPENDED,
        /** Her mother consented again: the suspended sponsorship runs again. */
        SPONSORSHIP_RESUMED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "child_history_seq")
    @SequenceGenerator(name = "child_history_seq", sequenceName = "child_history_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String kind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> detail;

    @Column(name = "source_event_id")
    public String sourceEventId;
}
