package ir.tehran.womenfamily.sponsorship.fund;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A campaign fund that benefactors give to, such as the fund to free imprisoned mothers. Its running balances are
 * the sums of its ledger entries ({@code CONTRIBUTED} in, {@code DRAWN} out), reconciled like a pledge's; the
 * balance is never negative. {@code sequence} counts its changes, so that a reader of its events keeps only the
 * newest balance.
 */
@Entity
@Table(name = "campaign_fund")
public class CampaignFund extends PanacheEntityBase {

    /** The fund of the campaign to free imprisoned mothers (created by V16). */
    public static final String MOTHERS_RELEASE = "MOTHERS_RELEASE";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(name = "name_fa", nullable = false)
    public String nameFa;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "contributed_rials", nullable = false)
    public long contributedRials;

    @Column(name = "drawn_rials", nullable = false)
    public long drawnRials;

    @Column(nullable = false)
    public long sequence;

    @Version
    public long version;

    public long balanceRials() {
        return contributedRials - drawnRials;
    }

    /** A benefactor gave {@code amount} rials. */
    public void contribute(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a contribution is positive");
        }
        contributedRials = Math.addExact(contributedRials, amount);
        sequence++;
    }

    /** Pays a draw of {@code amount} rials; false (and nothing changes) when the balance does not cover it. */
    public boolean draw(long amount) {
        if (amount <= 0 || amount > balanceRials()) {
            return false;
        }
        drawnRials += amount;
        sequence++;
        return true;
    }
}
