package ir.tehran.womenfamily.registry.work.campaign;

import java.time.Instant;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A master, mentor or facilitator of the campaign «کار تو خونمونه», with her skills and the districts she covers. */
@Entity
@Table(name = "campaign_mentor")
public class Mentor extends PanacheEntityBase {

    /** Her part in the campaign. */
    @Schema(name = "MentorKind")
    public enum Kind {
        /** استاد: a master of a craft. */
        MASTER,
        /** منتور: a mentor who follows mentees to their first sale. */
        MENTOR,
        /** تسهیلگر: a facilitator of business registration and sales. */
        FACILITATOR
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    public String mobile;

    /** Category codes of the taxonomy ({@code handicrafts}, ...). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] skills;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "integer[]")
    public Integer[] districts;

    /** How many mentees she follows at once. */
    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;
}
