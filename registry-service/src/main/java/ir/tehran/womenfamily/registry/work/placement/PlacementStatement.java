package ir.tehran.womenfamily.registry.work.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An issued monthly attendance statement: a frozen snapshot of a {@link MonthlyStatement}, certified by
 * her caseworker, which the Prisons Organisation receives. Once issued, that month's attendance of the
 * placement can no longer change.
 */
@Entity
@Table(name = "placement_statement")
public class PlacementStatement extends PanacheEntityBase {

    /** Its own mapper, so the stored form does not follow changes to the REST layer's JSON settings. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final TypeReference<List<MonthlyStatement.Day>> DAYS = new TypeReference<>() {
    };

    @Id
    public UUID id;

    @Column(name = "placement_id", nullable = false)
    public UUID placementId;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(name = "jalali_month", nullable = false)
    public String jalaliMonth;

    @Column(name = "first_day", nullable = false)
    public LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    public LocalDate lastDay;

    @Column(name = "days_present", nullable = false)
    public int daysPresent;

    @Column(name = "days_absent", nullable = false)
    public int daysAbsent;

    @Column(name = "days_excused", nullable = false)
    public int daysExcused;

    @Column(name = "hours_worked", nullable = false)
    public int hoursWorked;

    @Column(name = "wages_rials", nullable = false)
    public long wagesRials;

    /** The recorded days as a JSON array of {@link MonthlyStatement.Day}; read them with {@link #days()}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "days", nullable = false, columnDefinition = "jsonb")
    public String daysJson;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    public static PlacementStatement issue(Placement placement, MonthlyStatement s, String by, Instant now) {
        PlacementStatement p = new PlacementStatement();
        p.id = UUID.randomUUID();
        p.placementId = placement.id;
        p.beneficiaryId = placement.beneficiaryId;
        p.jalaliMonth = s.month().toString();
        p.firstDay = s.firstDay();
        p.lastDay = s.lastDay();
        p.daysPresent = s.daysPresent();
        p.daysAbsent = s.daysAbsent();
        p.daysExcused = s.daysExcused();
        p.hoursWorked = s.hoursWorked();
        p.wagesRials = s.wagesRials();
        p.daysJson = write(s.days());
        p.issuedAt = now;
        p.issuedBy = by;
        return p;
    }

    public List<MonthlyStatement.Day> days() {
        try {
            return JSON.readValue(daysJson, DAYS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable days of statement " + id, e);
        }
    }

    private static String write(List<MonthlyStatement.Day> days) {
        try {
            return JSON.writeValueAsString(days);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("days not serialisable", e);
        }
    }

    @Override
    public String toString() {
        return "PlacementStatement[" + id + "]";
    }
}
