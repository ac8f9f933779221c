package ir.tehran.womenfamily.bazaar.venue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A place where bazaars are held: a park, a metro station, a cultural centre. */
@Entity
@Table(name = "venue")
public class Venue extends PanacheEntityBase {

    /** Kinds of venue. */
    @Schema(name = "VenueKind")
    public enum Kind { PARK, METRO_STATION, CULTURAL_CENTRE, OTHER }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "name_fa", nullable = false)
    public String nameFa;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(nullable = false)
    public short district;

    @Column(precision = 9, scale = 6)
    public BigDecimal latitude;

    @Column(precision = 9, scale = 6)
    public BigDecimal longitude;

    @Column(name = "area_m2", nullable = false)
    public int areaM2;

    @Column(name = "opening_hours", nullable = false)
    public String openingHours;

    @Column(name = "wheelchair_accessible", nullable = false)
    public boolean wheelchairAccessible;

    /** The metro station the venue is at (a lower-case slug such as {@code tajrish}), if any. */
    @Column(name = "metro_station")
    public String metroStation;

    @OneToMany(mappedBy = "venue", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("code")
    public List<VenueStallType> stallTypes = new ArrayList<>();

    /** Stalls of every kind: the most a venue can offer on one day, summed over all bazaars. */
    public int totalStalls() {
        return stallTypes.stream().mapToInt(t -> t.count).sum();
    }

    public int powerStalls() {
        return stallTypes.stream().filter(t -> t.power).mapToInt(t -> t.count).sum();
    }

    public int cookingStalls() {
        return stallTypes.stream().filter(t -> t.cooking).mapToInt(t -> t.count).sum();
    }
}
