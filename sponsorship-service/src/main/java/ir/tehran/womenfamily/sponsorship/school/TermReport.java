package ir.tehran.womenfamily.sponsorship.school;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import ir.tehran.womenfamily.sponsorship.Subject;

/** A report card: one school year and term of a child, grades 0-20 by subject, and attendance. */
@Entity
@Table(name = "term_report")
public class TermReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    /** The Jalali year the school year starts in: 1403 for 1403-1404. */
    @Column(name = "academic_year", nullable = false)
    public short academicYear;

    @Column(nullable = false)
    public short term;

    /** The school she attended that term, as the report card names it (Persian text folded). */
    @Column(name = "school_name")
    public String schoolName;

    @Column(name = "school_days", nullable = false)
    public short schoolDays;

    @Column(name = "absent_days", nullable = false)
    public short absentDays;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "subject_grade", joinColumns = @JoinColumn(name = "term_report_id"))
    @MapKeyColumn(name = "subject")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "score", nullable = false, precision = 4, scale = 2)
    public Map<Subject, BigDecimal> grades = new EnumMap<>(Subject.class);

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Version
    public long version;
}
