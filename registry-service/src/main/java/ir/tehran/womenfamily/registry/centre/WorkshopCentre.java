package ir.tehran.womenfamily.registry.centre;

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

/** A Kowsar workshop centre (مرکز کوثر), where women heads of household produce. */
@Entity
@Table(name = "workshop_centre")
public class WorkshopCentre extends PanacheEntityBase {

    /** Where its renovation stands; the centres are to be renovated in 1403. */
    @Schema(name = "CentreRenovationStage")
    public enum Renovation { NOT_PLANNED, PLANNED, IN_PROGRESS, DONE }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public short district;

    public String address;

    @Column(nullable = false)
    public int capacity;

    @Enumerated(EnumType.STRING)
    @Column(name = "renovation_state", nullable = false)
    public Renovation renovationState;

    @Column(name = "built_year")
    public Short builtYear;

    @Version
    public long version;
}
