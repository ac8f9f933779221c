package ir.tehran.womenfamily.bazaar.bazaar;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The stalls a bazaar offers at one venue on one day, and how many of them have power or cooking. */
@Entity
@Table(name = "bazaar_venue_day")
@IdClass(BazaarVenueDay.Key.class)
public class BazaarVenueDay extends PanacheEntityBase {

    @Id
    @Column(name = "bazaar_id")
    public UUID bazaarId;

    @Id
    @Column(name = "venue_id")
    public UUID venueId;

    @Id
    public LocalDate day;

    @Column(nullable = false)
    public int stalls;

    @Column(name = "power_stalls", nullable = false)
    public int powerStalls;

    @Column(name = "cooking_stalls", nullable = false)
    public int cookingStalls;

    public static List<BazaarVenueDay> ofBazaar(UUID bazaarId) {
        return list("bazaarId", Sort.by("day").and("venueId"), bazaarId);
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public UUID bazaarId;
        public UUID venueId;
        public LocalDate day;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(bazaarId, k.bazaarId) && Objects.equals(venueId, k.venueId)
                && Objects.equals(day, k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(bazaarId, venueId, day);
        }
    }
}
