package ir.tehran.womenfamily.registry.agencycheck;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.consent.ConsentPurpose;
import ir.tehran.womenfamily.registry.consent.DisclosureLog;
import ir.tehran.womenfamily.registry.dci.AgencyDirectory;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Answers an agency whether a woman is enrolled, given only the keyed HMAC of her national code: the
 * registry learns nothing about women it does not hold, and the agency learns one bit and a date.
 */
@ApplicationScoped
public class AgencyCheckService {

    public static final String RESOURCE = "beneficiary.enrolment";

    @Inject
    CodeHmacKeys keys;

    @Inject
    CodeHmacBackfill backfill;

    @Inject
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    AgencyDirectory agencyDirectory;

    @Inject
    Callers callers;

    @Inject
    DisclosureLog disclosures;

    public AgencyCheckDtos.EnrolmentAnswer check(AgencyCheckDtos.EnrolmentCheck request) {
        if (!keys.enabled()) {
            throw new ProblemException(503, "agency-check-unavailable");
        }
        String keyId = request.keyId() == null || request.keyId().isBlank() ? keys.currentId()
            : request.keyId().strip();
        if (!keys.ids().contains(keyId)) {
            throw ProblemException.invalid("keyId", "validation.agency-check.key-id");
        }
        backfill.catchUp();
        String hmac = request.nationalCodeHmac().toLowerCase(Locale.ROOT);
        return QuarkusTransaction.requiringNew().call(() -> answer(keyId, hmac));
    }

    private AgencyCheckDtos.EnrolmentAnswer answer(String keyId, String hmac) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select b.id, b.registered_at from beneficiary_code_hmac h "
                + "join beneficiary b on b.id = h.beneficiary_id where h.key_id = ? and h.hmac = ? "
                + "order by b.registered_at limit 1")
            .setParameter(1, keyId).setParameter(2, hmac).getResultList();
        AuditEvent event = AuditEvent.of("agency-check.query", RESOURCE, null)
            .withPurpose("inter-agency-duplicate-check").withDetail("keyId", keyId);
        if (rows.isEmpty()) {
            audit.record(event.withDetail("enrolled", false));
            return new AgencyCheckDtos.EnrolmentAnswer(false, null, null);
        }
        UUID id = (UUID) rows.get(0)[0];
        AuditEvent enrolled = new AuditEvent(event.action(), RESOURCE, id.toString(), event.outcome(),
            event.purpose(), event.detail()).withDetail("enrolled", true);
        String client = callers.current().clientId();
        Agency agency = agencyDirectory.agencyOf(client);
        boolean shared = agency != null && disclosures.share(id, ConsentPurpose.SHARE_WITH_AGENCY, agency,
            "enrolment-date", "agency:" + agency.key() + " (client " + client + ")", null).isPresent();
        audit.record(enrolled.withDetail("since", shared));
        if (!shared) {
            // without her consent to share with this agency, one bit and nothing more
            return new AgencyCheckDtos.EnrolmentAnswer(true, null, null);
        }
        LocalDate since = instant(rows.get(0)[1]).atZone(Tehran.ZONE).toLocalDate();
        return new AgencyCheckDtos.EnrolmentAnswer(true, since, Days.jalali(since));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
