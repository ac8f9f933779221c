package ir.tehran.womenfamily.bazaar.venue;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One kind of stall a venue has, and how many: its size and whether it has power, cooking, shelter. */
@Entity
@Table(name = "venue_stall_type")
@IdClass(VenueStallType.Key.class)
public class VenueStallType {

    @Id
    @ManyToOne
    @JoinColumn(name = "venue_id")
    public Venue venue;

    @Id
    public String code;

    @Column(name = "size_m2", nullable = false, precision = 5, scale = 2)
    public BigDecimal sizeM2;

    @Column(nullable = false)
    public int count;

    @Column(nullable = false)
    public boolean power;

    @Column(nullable = false)
    public boolean cooking;

    @Column(nullable = false)
    public boolean shelter;

    /** Composite key: venue and code. */
    public static class Key implements Serializable {
        public java.util.UUID venue;
        public String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(venue, k.venue) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(venue, code);
        }
    }
}
