package ir.tehran.womenfamily.sponsorship.giftedschool;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An exemplary (نمونه دولتی) or gifted (تیزهوشان) school children may apply to. */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    /** The two kinds of selective school. */
    @Schema(name = "SchoolKind")
    public enum Kind {
        EXEMPLARY,
        GIFTED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    public Short district;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
