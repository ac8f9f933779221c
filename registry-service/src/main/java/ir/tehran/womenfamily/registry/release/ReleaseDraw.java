package ir.tehran.womenfamily.registry.release;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A draw on the campaign fund for a release case. Its id is the only thing sponsorship learns of it, with the
 * amount; it waits ({@code REQUESTED}) until sponsorship's answer says it was paid or refused.
 */
@Entity
@Table(name = "release_draw")
public class ReleaseDraw extends PanacheEntityBase {

    public enum State {
        REQUESTED, PAID, REFUSED
    }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "amount_rials", nullable = false)
    public long amountRials;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Override
    public String toString() {
        return "ReleaseDraw[" + id + "]";
    }
}
