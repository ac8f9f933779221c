package ir.tehran.womenfamily.registry.household;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Another person who depends on her: a parent, sibling, grandchild, spouse who cannot work. */
@Entity
@Table(name = "dependant")
public class Dependant extends PanacheEntityBase {

    /** How the dependant is related to her. */
    @Schema(name = "DependantRelation")
    public enum Relation { PARENT, SIBLING, GRANDCHILD, SPOUSE, OTHER }

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Relation relation;

    @Column(name = "birth_date")
    public LocalDate birthDate;
}
