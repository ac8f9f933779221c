package ir.tehran.womenfamily.sponsorship.programme;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A programme children enrol in: tutoring, a summer course «به وقت نوجوانی», counselling. */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {

    /** The kinds of programme. */
    @Schema(name = "ProgrammeKind")
    public enum Kind {
        /** Tutoring against academic lag. */
        TUTORING,
        /** The summer courses in entrepreneurship, innovation and start-ups, «به وقت نوجوانی». */
        SUMMER_COURSE,
        COUNSELLING
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String title;

    public String description;

    public Short district;

    @Column(name = "min_age")
    public Short minAge;

    @Column(name = "max_age")
    public Short maxAge;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "planned_sessions")
    public Short plannedSessions;

    @Column(name = "fee_rials", nullable = false)
    public long feeRials;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public boolean admitsAge(int age) {
        return (minAge == null || age >= minAge) && (maxAge == null || age <= maxAge);
    }
}
