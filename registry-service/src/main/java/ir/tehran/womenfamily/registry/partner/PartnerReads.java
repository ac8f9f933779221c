package ir.tehran.womenfamily.registry.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.consent.ConsentPurpose;
import ir.tehran.womenfamily.registry.consent.DisclosureLog;
import ir.tehran.womenfamily.registry.dci.AgencyDirectory;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.web.http.Cursor;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What the {@code registry.basic.read} scope lets a partner application read: the women whose active
 * {@code SHARE_WITH_AGENCY} consent covers the partner, and of them only {@link PartnerDtos.PartnerWoman}. Which
 * agency a partner client is comes from the agency directory ({@link AgencyDirectory}), the same one the
 * enrolment check and the DCI search use; a client not named there sees no one. A woman without that consent is
 * answered exactly like a woman who is not here (not in a list, 404 alone). Every woman released is written to
 * her disclosure log (the consent that allowed it) and audited ({@code partner.release} on
 * {@value #RESOURCE}); each request is audited too ({@code partner.list}, {@code partner.read}).
 */
@ApplicationScoped
public class PartnerReads {

    public static final String RESOURCE = "beneficiary.partner";
    static final String PURPOSE = "partner-basic-read";
    static final String WHAT = "partner-basic: name, registration day";

    @Inject
    EntityManager em;

    @Inject
    AgencyDirectory agencies;

    @Inject
    DisclosureLog disclosures;

    @Inject
    Audit audit;

    /** One page of the women who consented to share with the calling partner, by id. */
    @Transactional
    public Page<PartnerDtos.PartnerWoman> list(Caller caller, PageRequest page) {
        Agency agency = agencyOf(caller);
        List<PartnerDtos.PartnerWoman> rows = agency == null ? List.of()
            : query(agency, null, page.cursor() == null ? null : page.cursor().uuid(0), page.fetchSize());
        Page<PartnerDtos.PartnerWoman> out = page.page(rows, w -> Cursor.of(w.id()));
        List<PartnerDtos.PartnerWoman> released = new ArrayList<>();
        for (PartnerDtos.PartnerWoman w : out.items()) {
            if (release(w, agency, caller)) {
                released.add(w);
            }
        }
        audit.record(AuditEvent.of("partner.list", RESOURCE, null).withPurpose(PURPOSE)
            .withDetail("client", caller.clientId()).withDetail("released", released.size()));
        return new Page<>(released, out.nextCursor());
    }

    /** One woman, when she consented to share with the calling partner; 404 as for nobody otherwise. */
    @Transactional
    public PartnerDtos.PartnerWoman read(Caller caller, UUID id) {
        Agency agency = agencyOf(caller);
        Optional<PartnerDtos.PartnerWoman> her = agency == null ? Optional.empty()
            : query(agency, id, null, 1).stream().findFirst();
        if (her.isEmpty() || !release(her.get(), agency, caller)) {
            audit.recordInNewTransaction(AuditEvent.of("partner.read", RESOURCE, id).withPurpose(PURPOSE)
                .withOutcome(AuditEvent.Outcome.NOT_FOUND).withDetail("client", caller.clientId()));
            throw ProblemException.notFound("beneficiary", id);
        }
        return her.get();
    }

    private Agency agencyOf(Caller caller) {
        return agencies.agencyOf(caller.clientId());
    }

    /** Writes the share to her disclosure log under the consent that allows it; false when none does. */
    private boolean release(PartnerDtos.PartnerWoman w, Agency agency, Caller caller) {
        String recipient = "partner-app:" + agency.key() + " (client " + caller.clientId() + ")";
        if (disclosures.share(w.id(), ConsentPurpose.SHARE_WITH_AGENCY, agency, WHAT, recipient, null).isEmpty()) {
            return false;
        }
        audit.record(AuditEvent.of("partner.release", RESOURCE, w.id()).withPurpose(PURPOSE)
            .withDetail("client", caller.clientId()));
        return true;
    }

    /**
     * The women (not merged away) with an active consent to share covering {@code agency}: the consent's kind, and
     * its name or none (as {@link Agency#covers}); one woman when {@code id} is given, else after {@code after}.
     */
    private List<PartnerDtos.PartnerWoman> query(Agency agency, UUID id, UUID after, int limit) {
        StringBuilder sql = new StringBuilder("select b.id, b.first_name, b.last_name, b.registered_at "
            + "from beneficiary b where b.merged_into is null and exists (select 1 from consent c "
            + "where c.beneficiary_id = b.id and c.purpose = ?1 and c.revoked_at is null and c.agency_kind = ?2 "
            + "and (c.agency_name is null or c.agency_key = ?3))");
        if (id != null) {
            sql.append(" and b.id = ?4");
        } else if (after != null) {
            sql.append(" and b.id > ?4");
        }
        sql.append(" order by b.id limit ").append(limit);
        var q = em.createNativeQuery(sql.toString()).setParameter(1, ConsentPurpose.SHARE_WITH_AGENCY.name())
            .setParameter(2, agency.kind().name()).setParameter(3, agency.key());
        if (id != null || after != null) {
            q.setParameter(4, id != null ? id : after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> {
            LocalDate day = instant(r[3]).atZone(Tehran.ZONE).toLocalDate();
            return new PartnerDtos.PartnerWoman((UUID) r[0], (String) r[1], (String) r[2], day, Days.jalali(day));
        }).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
