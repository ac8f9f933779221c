package ir.tehran.womenfamily.registry.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.consent.ConsentRegister;
import ir.tehran.womenfamily.registry.dci.AgencyDirectory;
import ir.tehran.womenfamily.registry.dci.AgencyDtos;
import ir.tehran.womenfamily.registry.dci.DciCallbacks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Delivers referrals to agencies as signed callbacks, through the registry's one callback delivery
 * ({@link DciCallbacks}: outbox, Ed25519 signature, retries, dead letters), in the caller's transaction.
 * <ul>
 * <li>A referral out, once SENT (under her consent, checked by {@link ReferralService}), goes to every client of
 * its agency in the {@link AgencyDirectory} that has a callback URL, at {@code {callback base}/referrals}, action
 * {@code referral}: the referral and, of her, only what its {@link ReferralPurpose} needs (always her national
 * code and name). No cohort, note, placement, case or registration channel is ever in it.</li>
 * <li>A referral in that an agency client sent is answered back to that client when the directorate moves it,
 * action {@code referral-moved}: the referral's id and state only.</li>
 * </ul>
 * A referral out carries her, so it is sent only if she may still be released to the agency when it is sent
 * (her consent not revoked meanwhile, no sensitive cohort: {@link DciCallbacks}); otherwise it is withdrawn.
 * An agency with no client or no callback URL in the directory gets nothing sent: the referral is SENT and
 * its caseworker delivers it by her own channel, as before; the agency's client can still read it.
 */
@ApplicationScoped
public class ReferralDelivery {

    static final String PATH = "/referrals";
    /** The registry's DCI sender id, as its signature names it (ReferralDeliveryTest checks they agree). */
    static final String SENDER_ID = "registry.women-family.tehran.ir";

    @Inject
    AgencyDirectory directory;

    @Inject
    DciCallbacks callbacks;

    @Inject
    Clock clock;

    /** Queues the referral out to its agency's clients; returns the callbacks queued (none without a URL). */
    public List<UUID> sent(Referral referral, Beneficiary her) {
        Map<String, Object> body = new LinkedHashMap<>(referralPart(referral));
        body.put("person", person(referral.purpose, her));
        return directory.list().stream()
            .filter(a -> !a.callbackBaseUrls().isEmpty())
            .filter(a -> {
                var agency = ConsentRegister.agencyOf(a.agency());
                return agency != null && agency.key().equals(referral.agency().key());
            })
            .map(a -> callbacks.send(a.clientId(), PATH, envelope("referral", a, referral, body), List.of(her.id)))
            .toList();
    }

    /** Tells the agency client that sent a referral in where the directorate moved it. */
    public void moved(Referral referral) {
        if (referral.direction != ReferralDirection.IN || referral.agencyClient == null) {
            return;
        }
        directory.find(referral.agencyClient).filter(a -> !a.callbackBaseUrls().isEmpty())
            .ifPresent(a -> callbacks.send(a.clientId(), PATH,
                envelope("referral-moved", a, referral, referralPart(referral))));
    }

    /** What of her a referral with this purpose sends: her national code and name, and the purpose's fields. */
    static Map<String, Object> person(ReferralPurpose purpose, Beneficiary her) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("identifier", Map.of("identifier_type", "NATIONAL_CODE", "identifier_value", her.nationalCode));
        person.put("name", Map.of("given_name", her.firstName, "surname", her.lastName));
        if (purpose.sends(ReferralPurpose.Field.BIRTH_DATE) && her.birthDate != null) {
            person.put("birth_date", her.birthDate.toString());
        }
        if (purpose.sends(ReferralPurpose.Field.MOBILE) && her.mobile != null) {
            person.put("phone_number", her.mobile);
        }
        if (purpose.sends(ReferralPurpose.Field.DISTRICT) && her.district != null) {
            person.put("district", her.district);
        }
        return person;
    }

    private static Map<String, Object> referralPart(Referral r) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("referral_id", r.id.toString());
        part.put("direction", r.direction.name());
        part.put("purpose", r.purpose.name());
        part.put("state", r.state.name());
        part.put("updated_at", r.updatedAt.toString());
        return part;
    }

    private Map<String, Object> envelope(String action, AgencyDtos.AgencyView to, Referral referral,
            Map<String, Object> body) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", "1.0.0");
        header.put("message_id", UUID.randomUUID().toString());
        header.put("message_ts", Instant.now(clock).toString());
        header.put("action", action);
        header.put("sender_id", SENDER_ID);
        header.put("receiver_id", to.clientId());
        header.put("total_count", 1);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("transaction_id", "referral-" + referral.id + "-" + referral.version);
        message.put("referral", body);
        return Map.of("header", header, "message", message);
    }
}
