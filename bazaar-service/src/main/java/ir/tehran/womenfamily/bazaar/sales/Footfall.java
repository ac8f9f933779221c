package ir.tehran.womenfamily.bazaar.sales;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Visitors counted at one venue on one day of a bazaar, reported by a coordinator. */
@Entity
@Table(name = "footfall")
@IdClass(Footfall.Key.class)
public class Footfall extends PanacheEntityBase {

    @Id
    @Column(name = "bazaar_id")
    public UUID bazaarId;

    @Id
    @Column(name = "venue_id")
    public UUID venueId;

    @Id
    public LocalDate day;

    @Column(nullable = false)
    public int visitors;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    /** Its version: a change is made with If-Match naming the version the coordinator read. */
    @Version
    public long version;

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
