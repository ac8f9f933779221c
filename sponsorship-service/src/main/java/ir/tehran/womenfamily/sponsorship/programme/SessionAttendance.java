package ir.tehran.womenfamily.sponsorship.programme;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Whether an enrolled child was at a session. */
@Entity
@Table(name = "session_attendance")
@IdClass(SessionAttendance.Key.class)
public class SessionAttendance extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Id
    @Column(name = "enrolment_id")
    public UUID enrolmentId;

    @Column(nullable = false)
    public boolean present;

    /** The composite key. */
    public static class Key implements Serializable {

        public UUID sessionId;
        public UUID enrolmentId;

        public Key() {
        }

        public Key(UUID sessionId, UUID enrolmentId) {
            this.sessionId = sessionId;
            this.enrolmentId = enrolmentId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sessionId, k.sessionId)
                && Objects.equals(enrolmentId, k.enrolmentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, enrolmentId);
        }
    }
}
