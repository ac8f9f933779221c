package ir.tehran.womenfamily.registry.beneficiary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A woman head of household (زن سرپرست خانوار) in the register. */
@Entity
@Table(name = "beneficiary")
public class Beneficiary extends PanacheEntityBase {

    public static final String AGGREGATE = "beneficiary";

    /** applicant → active → graduated (self-reliant, still followed up) or exited (with a reason). */
    @Schema(name = "BeneficiaryStatus")
    public enum Status {
        APPLICANT, ACTIVE, GRADUATED, EXITED;

        private static final Map<Status, Set<Status>> NEXT = Map.of(
            APPLICANT, Set.of(ACTIVE, EXITED),
            ACTIVE, Set.of(GRADUATED, EXITED),
            GRADUATED, Set.of(ACTIVE, EXITED),
            EXITED, Set.of(ACTIVE));

        public boolean canMoveTo(Status to) {
            return NEXT.get(this).contains(to);
        }
    }

    /** The directorate's ladder: counselling → training → business support → self-reliant. */
    @Schema(name = "BeneficiarySupportLevel")
    public enum SupportLevel { COUNSELLING, TRAINING, BUSINESS_SUPPORT, SELF_RELIANT }

    /** How she came to the register. {@code PRISON_RELEASE} is itself a sensitive fact. */
    @Schema(name = "RegistrationChannel")
    public enum Channel {
        MUNICIPAL_OFFICE, HOME_BUSINESS_CAMPAIGN, AGENCY_REFERRAL, PRISON_RELEASE;

        public boolean isSensitive() {
            return this == PRISON_RELEASE;
        }

        /**
         * The channel as every answer and export shows it: a channel that is itself a sensitive fact is
         * generalised to the one it belongs to (the Prisons Organisation is an agency that refers women), so
         * the profile of a woman released from prison has the same keys and values as that of a woman any
         * other agency referred. The precise fact is her {@code PRISON_RELEASE} cohort membership, read only
         * through the cohorts (need to know, audited).
         */
        public Channel disclosed() {
            return this == PRISON_RELEASE ? AGENCY_REFERRAL : this;
        }
    }

    @Id
    public UUID id;

    @Column(name = "national_code", nullable = false, unique = true, length = 10, columnDefinition = "bpchar")
    public String nationalCode;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "father_name")
    public String fatherName;

    /** Folded full name: one woman written with Arabic or Persian letters, with or without ZWNJ, is one key. */
    @Column(name = "name_key", nullable = false)
    public String nameKey;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    public String mobile;

    public String address;

    public Short district;

    @Column(name = "postal_code", length = 10, columnDefinition = "bpchar")
    public String postalCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_channel", nullable = false)
    public Channel registrationChannel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "support_level")
    public SupportLevel supportLevel;

    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;

    /** The facts a registration or an update carries, already validated and canonical. */
    public record Profile(String firstName, String lastName, String fatherName, LocalDate birthDate, String mobile,
            String address, Short district, String postalCode) {
    }

    /** Registers a woman; returns the events the registration causes. */
    public static Registration register(String nationalCode, Profile p, Channel channel, SupportLevel level,
            String by, Instant now) {
        Beneficiary b = new Beneficiary();
        b.id = UUID.randomUUID();
        b.nationalCode = nationalCode;
        b.apply(p);
        b.registrationChannel = channel == null ? Channel.MUNICIPAL_OFFICE : channel;
        b.status = Status.APPLICANT;
        b.supportLevel = level;
        b.registeredAt = now;
        b.createdBy = by;
        List<DomainEvent> events = new ArrayList<>();
        events.add(DomainEvent.of(AGGREGATE, b.id, "beneficiary.registered", 1,
            new Registered(b.id, now, Days.jalali(now), b.district)));
        if (level != null) {
            events.add(DomainEvent.of(AGGREGATE, b.id, "beneficiary.support-level-changed", 1,
                new SupportLevelChanged(b.id, null, level, now)));
        }
        return new Registration(b, events);
    }

    /** Applies a partial update: absent (null) facts stay as they are. */
    public List<DomainEvent> update(Profile p, Instant now) {
        apply(new Profile(
            p.firstName() != null ? p.firstName() : firstName,
            p.lastName() != null ? p.lastName() : lastName,
            p.fatherName() != null ? p.fatherName() : fatherName,
            p.birthDate() != null ? p.birthDate() : birthDate,
            p.mobile() != null ? p.mobile() : mobile,
            p.address() != null ? p.address() : address,
            p.district() != null ? p.district() : district,
            p.postalCode() != null ? p.postalCode() : postalCode));
        updatedAt = now;
        return List.of(DomainEvent.of(AGGREGATE, id, "beneficiary.updated", 1, new Updated(id, now, district)));
    }

    public HistoryChange changeStatus(Status to, String reason, String by, Instant now) {
        if (to == status || !status.canMoveTo(to)) {
            throw new ProblemException(409, "illegal-transition", status, to);
        }
        if (to == Status.EXITED && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "validation.exit-reason");
        }
        Status from = status;
        status = to;
        updatedAt = now;
        BeneficiaryHistory entry = BeneficiaryHistory.of(this, BeneficiaryHistory.Kind.STATUS, from.name(),
            to.name(), reason, by, now);
        return new HistoryChange(entry, List.of(DomainEvent.of(AGGREGATE, id, "beneficiary.status-changed", 1,
            new StatusChanged(id, from, to, now))));
    }

    /** Moves her on the ladder; {@code cited}: the services behind the move, kept in the history (not the event). */
    public HistoryChange changeSupportLevel(SupportLevel to, String reason, List<CitedService> cited, String by,
            Instant now) {
        if (to == supportLevel) {
            throw new ProblemException(409, "illegal-transition", supportLevel, to);
        }
        SupportLevel from = supportLevel;
        supportLevel = to;
        updatedAt = now;
        BeneficiaryHistory entry = BeneficiaryHistory.of(this, BeneficiaryHistory.Kind.SUPPORT_LEVEL,
            from == null ? null : from.name(), to.name(), reason, by, now);
        entry.cite(cited);
        return new HistoryChange(entry, List.of(DomainEvent.of(AGGREGATE, id, "beneficiary.support-level-changed", 1,
                new SupportLevelChanged(id, from, to, now))));
    }

    /** This record turned out to be the same woman as {@code survivor}; it now only points there. */
    public List<DomainEvent> mergeInto(Beneficiary survivor, Instant now) {
        if (Objects.equals(survivor.id, id) || mergedInto != null || survivor.mergedInto != null) {
            throw new ProblemException(409, "merge-not-possible");
        }
        mergedInto = survivor.id;
        updatedAt = now;
        return List.of(DomainEvent.of(AGGREGATE, id, "beneficiary.merged", 1, new Merged(id, survivor.id, now)));
    }

    /**
     * The merge of this record into {@code survivor} was undone (its rows are already restored, this record's
     * {@code mergedInto} with them): it is a woman of her own again.
     */
    public List<DomainEvent> splitFrom(Beneficiary survivor, Instant now) {
        if (mergedInto != null || Objects.equals(survivor.id, id)) {
            throw new ProblemException(409, "split-not-possible");
        }
        updatedAt = now;
        return List.of(DomainEvent.of(AGGREGATE, id, "beneficiary.split", 1, new Split(id, survivor.id, now)));
    }

    public boolean isMerged() {
        return mergedInto != null;
    }

    private void apply(Profile p) {
        firstName = PersianText.normalize(p.firstName());
        lastName = PersianText.normalize(p.lastName());
        fatherName = PersianText.normalize(p.fatherName());
        nameKey = PersianText.matchKey(firstName + " " + lastName);
        birthDate = p.birthDate();
        mobile = p.mobile();
        address = PersianText.normalize(p.address());
        district = p.district();
        postalCode = p.postalCode();
    }

    /** The new aggregate and what it reports. */
    public record Registration(Beneficiary beneficiary, List<DomainEvent> events) {
    }

    /** A change that leaves a history entry and events. */
    public record HistoryChange(BeneficiaryHistory entry, List<DomainEvent> events) {
    }

    /** Payload of {@code beneficiary.registered} v1: no national code, no name, no sensitive fact. */
    public record Registered(UUID beneficiaryId, Instant registeredAt, String registeredOn, Short district) {
    }

    /** Payload of {@code beneficiary.updated} v1. */
    public record Updated(UUID beneficiaryId, Instant updatedAt, Short district) {
    }

    /** Payload of {@code beneficiary.status-changed} v1; the reason stays in the registry. */
    public record StatusChanged(UUID beneficiaryId, Status from, Status to, Instant changedAt) {
    }

    /** Payload of {@code beneficiary.support-level-changed} v1. */
    public record SupportLevelChanged(UUID beneficiaryId, SupportLevel from, SupportLevel to, Instant changedAt) {
    }

    /** Payload of {@code beneficiary.merged} v1. */
    public record Merged(UUID beneficiaryId, UUID survivorId, Instant mergedAt) {
    }

    /** Payload of {@code beneficiary.split} v1: the merge of this record into the survivor was undone. */
    public record Split(UUID beneficiaryId, UUID survivorId, Instant splitAt) {
    }
}
