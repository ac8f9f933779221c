package ir.tehran.womenfamily.registry.work.campaign;

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

/** A milestone a mentee reached, once each. */
@Entity
@Table(name = "campaign_milestone")
public class Milestone extends PanacheEntityBase {

    /** The steps from an idea to a registered business. */
    @Schema(name = "MilestoneKind")
    public enum Kind {
        IDEA("ایده", "Idea"),
        TRAINING("آموزش", "Training"),
        FIRST_SALE("نخستین فروش", "First sale"),
        REGISTERED_BUSINESS("ثبت کسب و کار", "Registered business");

        private final String persian;
        private final String english;

        Kind(String persian, String english) {
            this.persian = persian;
            this.english = english;
        }

        public String persian() {
            return persian;
        }

        public String english() {
            return english;
        }
    }

    /** The key: one row per mentee and milestone. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "mentee_id", nullable = false)
        public UUID menteeId;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public Kind milestone;

        public Key() {
        }

        public Key(UUID menteeId, Kind milestone) {
            this.menteeId = menteeId;
            this.milestone = milestone;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(menteeId, k.menteeId) && milestone == k.milestone;
        }

        @Override
        public int hashCode() {
            return Objects.hash(menteeId, milestone);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "reached_on", nullable = false)
    public LocalDate reachedOn;

    /** The business she registered, for {@link Kind#REGISTERED_BUSINESS} only. */
    @Column(name = "business_id")
    public UUID businessId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
