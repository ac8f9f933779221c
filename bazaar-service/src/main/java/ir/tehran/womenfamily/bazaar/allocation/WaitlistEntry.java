package ir.tehran.womenfamily.bazaar.allocation;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An application a run could not place: its priority on the waitlist and its score breakdown. */
@Entity
@Table(name = "waitlist_entry")
@IdClass(WaitlistEntry.Key.class)
public class WaitlistEntry extends PanacheEntityBase {

    @Id
    @Column(name = "run_id")
    public UUID runId;

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    /** 1 is the first to be offered a freed stall. */
    @Column(nullable = false)
    public long priority;

    @Column(nullable = false)
    public String explanation;

    /** Composite key. */
    public static class Key implements Serializable {
        public UUID runId;
        public UUID applicationId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(runId, k.runId) && Objects.equals(applicationId,
                k.applicationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, applicationId);
        }
    }
}
