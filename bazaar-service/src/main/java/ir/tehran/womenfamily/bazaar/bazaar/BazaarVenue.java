package ir.tehran.womenfamily.bazaar.bazaar;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A venue taking part in a bazaar, with its cap on any one category's share of its stalls. */
@Entity
@Table(name = "bazaar_venue")
@IdClass(BazaarVenue.Key.class)
public class BazaarVenue extends PanacheEntityBase {

    @Id
    @Column(name = "bazaar_id")
    public UUID bazaarId;

    @Id
    @Column(name = "venue_id")
    public UUID venueId;

    @Column(name = "category_cap_percent", nullable = false)
    public short categoryCapPercent;

    /** Composite key. */
    public static class Key implements Serializable {
        public UUID bazaarId;
        public UUID venueId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(bazaarId, k.bazaarId) && Objects.equals(venueId, k.venueId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(bazaarId, venueId);
        }
    }
}
