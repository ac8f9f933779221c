package ir.tehran.womenfamily.sponsorship.benefactor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.sponsorship.child.Gender;
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

/** A benefactor (خیر): a person or an organisation who sponsors children or pays for a sponsorship. */
@Entity
@Table(name = "benefactor")
public class Benefactor extends PanacheEntityBase {

    /** Person or organisation. */
    @Schema(name = "BenefactorKind")
    public enum Kind {
        PERSON,
        ORGANISATION
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** The folded name, so that one benefactor written in Arabic or Persian letters is found either way. */
    @Column(name = "name_key", nullable = false)
    public String nameKey;

    public String phone;

    public String email;

    @Column(name = "pref_min_age")
    public Short prefMinAge;

    @Column(name = "pref_max_age")
    public Short prefMaxAge;

    @Enumerated(EnumType.STRING)
    @Column(name = "pref_gender")
    public Gender prefGender;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pref_districts", nullable = false)
    public List<Integer> prefDistricts = new ArrayList<>();

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
