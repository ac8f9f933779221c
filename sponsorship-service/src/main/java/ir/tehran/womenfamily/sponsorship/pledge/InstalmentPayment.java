package ir.tehran.womenfamily.sponsorship.pledge;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** The part of a receipt (a {@code RECEIVED} ledger entry) that paid one instalment. Append-only. */
@Entity
@Table(name = "instalment_payment")
@Immutable
public class InstalmentPayment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "instalment_id", nullable = false)
    public UUID instalmentId;

    @Column(name = "ledger_entry_id", nullable = false)
    public long ledgerEntryId;

    @Column(name = "amount_rials", nullable = false)
    public long amountRials;

    @Column(name = "paid_on", nullable = false)
    public LocalDate paidOn;
}
