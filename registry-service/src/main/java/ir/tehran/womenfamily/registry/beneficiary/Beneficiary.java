package ir.tehran.womenfamily.registry.beneficiary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import ir.tehran.womenfamily.support.persian.PersianText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A woman head of household (زن سرپرست خانوار) in the register. */
@Entity
@Table(name = "beneficiary")
public class Beneficiary extends PanacheEntityBase {

    public static final String AGGREGATE = "beneficiary";

    @Id
    public UUID id;

    @Column(name = "national_code", nullable = false, unique = true, length = 10, columnDefinition = "bpchar")
    public String nationalCode;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    /** Folded full name: one woman written with Arabic or Persian letters, with or without ZWNJ, is one key. */
    @Column(name = "name_key", nullable = false)
    public String nameKey;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;

    /**
     * Registers a woman; returns the events the registration causes. {@code nationalCode} must already be
     * canonical (see {@link NationalCode}).
     */
    public static Registration register(String nationalCode, String firstName, String lastName, String by,
            Instant now) {
        Beneficiary b = new Beneficiary();
        b.id = UUID.randomUUID();
        b.nationalCode = nationalCode;
        b.firstName = PersianText.normalize(firstName);
        b.lastName = PersianText.normalize(lastName);
        b.nameKey = PersianText.matchKey(b.firstName + " " + b.lastName);
        b.registeredAt = now;
        b.createdBy = by;
        DomainEvent registered = DomainEvent.of(AGGREGATE, b.id, "beneficiary.registered", 1,
            new BeneficiaryRegistered(b.id, now, JalaliDate.of(now.atZone(BeneficiaryMapper.TEHRAN).toLocalDate())
                .toString()));
        return new Registration(b, List.of(registered));
    }

    /** The new aggregate and what it reports. */
    public record Registration(Beneficiary beneficiary, List<DomainEvent> events) {
    }

    /**
     * Payload of {@code beneficiary.registered} v1. Deliberately minimal: no national code, no name, no
     * sensitive fact; consumers that need more ask the registry with their own authorisation.
     */
    public record BeneficiaryRegistered(UUID beneficiaryId, Instant registeredAt, String registeredOn) {
    }
}
