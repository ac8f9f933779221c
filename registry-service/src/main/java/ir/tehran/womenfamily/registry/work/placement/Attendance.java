package ir.tehran.womenfamily.registry.work.placement;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One day of a placement: present with the hours she worked, absent, or excused. */
@Entity
@Table(name = "placement_attendance")
public class Attendance extends PanacheEntityBase {

    /** How the day went. */
    @Schema(name = "AttendanceStatus")
    public enum Status { PRESENT, ABSENT, EXCUSED }

    /** The key: one row per placement and day. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "placement_id", nullable = false)
        public UUID placementId;

        @Column(nullable = false)
        public LocalDate day;

        public Key() {
        }

        public Key(UUID placementId, LocalDate day) {
            this.placementId = placementId;
            this.day = day;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(placementId, k.placementId) && Objects.equals(day, k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(placementId, day);
        }
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public short hours;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public LocalDate day() {
        return key.day;
    }
}
