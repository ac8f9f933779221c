package ir.tehran.womenfamily.registry.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.persian.PersianText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A child of a woman head of household: a person with her or his own id. */
@Entity
@Table(name = "child")
public class Child extends PanacheEntityBase {

    public static final String AGGREGATE = "child";

    /** As recorded on the birth certificate. */
    @Schema(name = "ChildGender")
    public enum Gender { FEMALE, MALE }

    @Id
    public UUID id;

    @Column(name = "mother_id", nullable = false)
    public UUID motherId;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "national_code", length = 10, columnDefinition = "bpchar")
    public String nationalCode;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Gender gender;

    /** School grade: 0 pre-school, 1 to 12; null when not at school. */
    public Short grade;

    @Column(name = "removed_at")
    public Instant removedAt;

    @Column(name = "removed_reason")
    public String removedReason;

    @Version
    public long version;

    /** The facts of a child, validated. */
    public record Facts(String firstName, String lastName, String nationalCode, LocalDate birthDate, Gender gender,
            Short grade) {
    }

    public static Added add(UUID motherId, Short district, Facts f) {
        Child c = new Child();
        c.id = UUID.randomUUID();
        c.motherId = motherId;
        c.apply(f);
        return new Added(c, List.of(c.event("child.added", district)));
    }

    public List<DomainEvent> update(Facts f, Short district) {
        apply(new Facts(f.firstName() != null ? f.firstName() : firstName,
            f.lastName() != null ? f.lastName() : lastName,
            f.nationalCode() != null ? f.nationalCode() : nationalCode,
            f.birthDate() != null ? f.birthDate() : birthDate,
            f.gender() != null ? f.gender() : gender,
            f.grade() != null ? f.grade() : grade));
        return List.of(event("child.updated", district));
    }

    /** Moves the child to another mother's household (a merge of two records of one woman). */
    public List<DomainEvent> moveTo(UUID newMother, Short district) {
        motherId = newMother;
        return List.of(event("child.updated", district));
    }

    public List<DomainEvent> remove(String reason, Instant now) {
        removedAt = now;
        removedReason = reason;
        return List.of(DomainEvent.of(AGGREGATE, id, "child.removed", 1, new Removed(id, motherId, now)));
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    private void apply(Facts f) {
        firstName = PersianText.normalize(f.firstName());
        lastName = PersianText.normalize(f.lastName());
        nationalCode = f.nationalCode();
        birthDate = f.birthDate();
        gender = f.gender();
        grade = f.grade();
    }

    private DomainEvent event(String type, Short district) {
        return DomainEvent.of(AGGREGATE, id, type, 1, new State(id, motherId, firstNameInitial(firstName),
            birthDate, Days.jalali(birthDate), gender, grade, district));
    }

    /**
     * The first letter of a first name, folded ({@link PersianText#matchKey}: آ and ا are one letter, Arabic
     * and Persian forms of a letter are one); null when the name has no letter. All a sponsor may see of a name.
     */
    public static String firstNameInitial(String firstName) {
        String key = PersianText.matchKey(firstName);
        if (key == null) {
            return null;
        }
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            if (Character.isLetter(cp)) {
                return new String(Character.toChars(Character.toUpperCase(cp)));
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** A new child and her or his event. */
    public record Added(Child child, List<DomainEvent> events) {
    }

    /**
     * Payload of {@code child.added} and {@code child.updated} v1: no name, no national code; only the first
     * name's initial, which the sponsor's pseudonymised view shows.
     */
    public record State(UUID childId, UUID motherId, String firstNameInitial, LocalDate birthDate,
            String birthDateJalali, Gender gender, Short grade, Short district) {
    }

    /** Payload of {@code child.removed} v1. */
    public record Removed(UUID childId, UUID motherId, Instant removedAt) {
    }
}
