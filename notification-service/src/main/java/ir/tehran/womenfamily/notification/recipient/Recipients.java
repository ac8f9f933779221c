package ir.tehran.womenfamily.notification.recipient;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.security.Claims;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The recipients the signed-in person's token names: every notification for one of them is hers. */
@RequestScoped
public class Recipients {

    public static final String PRODUCER = "producer";
    public static final String SPONSOR = "sponsor";
    public static final String WOMAN = "woman";

    @Inject
    Callers callers;

    @Inject
    JsonWebToken jwt;

    /** Hers, in a stable order; empty when her token names no one (her inbox is then empty). */
    public Set<Recipient> current() {
        return of(callers.current(), Claims.text(jwt.getClaim("beneficiary_id")));
    }

    /** The recipients of a caller: her businesses as a producer, her benefactor as a sponsor, herself as a woman. */
    static Set<Recipient> of(Caller caller, String beneficiaryId) {
        Set<Recipient> mine = new LinkedHashSet<>();
        if (caller.hasRole(PRODUCER)) {
            caller.businesses().stream().sorted().forEach(b -> mine.add(Recipient.business(b)));
        }
        if (caller.hasRole(SPONSOR) && caller.sponsorId() != null) {
            mine.add(Recipient.sponsor(caller.sponsorId()));
        }
        if (caller.hasRole(WOMAN) && beneficiaryId != null) {
            try {
                mine.add(Recipient.beneficiary(UUID.fromString(beneficiaryId)));
            } catch (IllegalArgumentException malformed) {
                // a claim that cannot be read names no one
            }
        }
        return mine;
    }
}
