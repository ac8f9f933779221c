package ir.tehran.womenfamily.registry.cohort;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A kind of sensitive cohort: built in ({@code PRISON_RELEASE}, {@code ADDICTION_RECOVERY}) or defined
 * by an admin. Definitions are not sensitive; memberships are.
 */
@Entity
@Table(name = "cohort_definition")
public class CohortDefinition extends PanacheEntityBase {

    public static final String PRISON_RELEASE = "PRISON_RELEASE";
    public static final String ADDICTION_RECOVERY = "ADDICTION_RECOVERY";

    @Id
    public String code;

    @Column(name = "name_fa", nullable = false)
    public String nameFa;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    /** Whether a membership must name the centre that follows her (such as «یاورشهر ۵»). */
    @Column(name = "requires_following_centre", nullable = false)
    public boolean requiresFollowingCentre;

    @Column(name = "built_in", nullable = false)
    public boolean builtIn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
