package ir.tehran.womenfamily.notification.recipient;

import java.util.LinkedHashSet;
import java.util.Set;

import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The recipients the signed-in person's token names: every notification for one of them is hers. */
@RequestScoped
public class Recipients {

    public static final String PRODUCER = "producer";
    public static final String SPONSOR = "sponsor";
    public static final String WOMAN = "woman";

    @Inject
    Callers callers;

    /** Hers, in a stable order; empty when her token names no one (her inbox is then empty). */
    public Set<Recipient> current() {
        return of(callers.current());
    }

    /** The recipients of a caller: her businesses as a producer, her benefactor as a sponsor, herself as a woman. */
    static Set<Recipient> of(Caller caller) {
        Set<Recipient> mine = new LinkedHashSet<>();
        if (caller.hasRole(PRODUCER)) {
            caller.businesses().stream().sorted().forEach(b -> mine.add(Recipient.business(b)));
        }
        if (caller.hasRole(SPONSOR) && caller.sponsorId() != null) {
            mine.add(Recipient.sponsor(caller.sponsorId()));
        }
        // the beneficiary_id claim, read (or left out when unreadable) where every claim is read: Claims
        if (caller.hasRole(WOMAN) && caller.beneficiaryId() != null) {
            mine.add(Recipient.beneficiary(caller.beneficiaryId()));
        }
        return mine;
    }
}
