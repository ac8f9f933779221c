package ir.tehran.womenfamily.registry.work.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ir.tehran.womenfamily.registry.access.Inputs;
import ir.tehran.womenfamily.registry.access.WomanAccess;
import ir.tehran.womenfamily.registry.beneficiary.Access;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryService;
import ir.tehran.womenfamily.registry.business.Business;
import ir.tehran.womenfamily.registry.business.CampaignParticipant;
import ir.tehran.womenfamily.support.sms.Mobile;
import ir.tehran.womenfamily.registry.duplicate.BeneficiariesMerged;
import ir.tehran.womenfamily.registry.duplicate.BeneficiariesSplit;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.taxonomy.Category;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.web.http.Cursor;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The campaign «کار تو خونمونه»: mentors, mentees, matching, sessions and milestones. Every write is
 * audited. A caseworker sees and follows the mentees of her districts and those she enrolled; an admin
 * all of them. A mentee's first sale makes her eligible for bazaars, announced on {@code registry.campaign}.
 */
@ApplicationScoped
public class CampaignService {

    static final String MENTOR = "campaign-mentor";
    static final String MENTEE = "campaign-mentee";

    @Inject
    BeneficiaryService beneficiaries;

    @Inject
    WomanAccess women;

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public Mentor addMentor(CampaignDtos.AddMentor r, Caller actor) {
        Mentor m = new Mentor();
        m.id = UUID.randomUUID();
        m.kind = r.kind();
        m.firstName = PersianText.normalize(r.firstName().strip());
        m.lastName = PersianText.normalize(r.lastName().strip());
        if (r.mobile() != null && !r.mobile().isBlank()) {
            m.mobile = Mobile.e164(r.mobile())
                .orElseThrow(() -> ProblemException.invalid("mobile", "validation.mobile"));
        }
        m.skills = r.skills().stream().map(Category::code).distinct().sorted().toArray(String[]::new);
        m.districts = r.districts().stream().distinct().sorted().toArray(Integer[]::new);
        m.capacity = r.capacity();
        m.active = true;
        m.createdAt = Instant.now(clock);
        m.createdBy = actor.subject();
        m.persist();
        audit.record(AuditEvent.of("campaign-mentor.add", MENTOR, m.id));
        return m;
    }

    @Transactional
    public Optional<Mentor> mentor(UUID id) {
        return Mentor.findByIdOptional(id);
    }

    /** Active mentors, optionally of one skill and one district, by name. */
    @Transactional
    public List<Mentor> mentors(Category skill, Integer district) {
        return Mentor.<Mentor>list("active = true order by lastName, firstName, id").stream()
            .filter(m -> skill == null || Arrays.asList(m.skills).contains(skill.code()))
            .filter(m -> district == null || Arrays.asList(m.districts).contains(district))
            .toList();
    }

    @Transactional
    public Mentor deactivate(UUID id) {
        Mentor m = Mentor.<Mentor>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("mentor", id));
        m.active = false;
        audit.record(AuditEvent.of("campaign-mentor.deactivate", MENTOR, m.id));
        return m;
    }

    /** How many mentees each mentor follows now: matched to her and without a registered business yet. */
    @Transactional
    public Map<UUID, Long> load() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select m.mentor_id, count(*) from campaign_mentee m "
                + "where m.mentor_id is not null and m.withdrawn_at is null "
                + "and not exists (select 1 from campaign_milestone s where s.mentee_id = m.id "
                + "and s.milestone = 'REGISTERED_BUSINESS') group by m.mentor_id")
            .getResultList();
        Map<UUID, Long> load = new HashMap<>();
        rows.forEach(r -> load.put((UUID) r[0], ((Number) r[1]).longValue()));
        return load;
    }

    @Transactional
    public Mentee enrol(CampaignDtos.EnrolMentee r, Caller actor) {
        if ((r.beneficiaryId() == null) == (r.participantId() == null)) {
            throw ProblemException.invalid("beneficiaryId", "validation.campaign.one-person");
        }
        Mentee m = new Mentee();
        m.id = UUID.randomUUID();
        Short district = r.district();
        if (r.beneficiaryId() != null) {
            Beneficiary b = beneficiaries.writable(r.beneficiaryId(), actor);
            m.beneficiaryId = b.id;
            m.headsHousehold = true;
            district = district != null ? district : b.district;
        } else {
            CampaignParticipant p = CampaignParticipant.<CampaignParticipant>findByIdOptional(r.participantId())
                .orElseThrow(() -> ProblemException.invalid("participantId", "validation.unknown-participant"));
            m.participantId = p.id;
            m.headsHousehold = false;
            district = district != null ? district : p.district;
        }
        if (district == null) {
            throw ProblemException.invalid("district", "validation.campaign.district-required");
        }
        if (!Access.canPlaceIn(actor, district)) {
            throw ProblemException.invalid("district", "validation.district-not-yours");
        }
        if (Mentee.count(m.beneficiaryId != null ? "beneficiaryId" : "participantId", m.personId()) > 0) {
            throw ProblemException.conflict("campaign-mentee-exists");
        }
        m.district = district;
        m.interests = (r.interests() == null ? List.<Category>of() : r.interests()).stream().map(Category::code)
            .distinct().sorted().toArray(String[]::new);
        m.enrolledAt = Instant.now(clock);
        m.enrolledBy = actor.subject();
        m.persist();
        audit.record(AuditEvent.of("campaign-mentee.enrol", MENTEE, m.id)
            .withDetail("headsHousehold", m.headsHousehold));
        return m;
    }

    /**
     * A mentee the actor may follow, or the 404 of an unknown id; the refusal is audited like a refused woman
     * ({@code DENIED} when she exists, {@code NOT_FOUND} when not), in a transaction of its own.
     */
    @Transactional
    public Mentee mentee(UUID id, Caller actor) {
        Optional<Mentee> found = Mentee.findByIdOptional(id);
        if (found.isPresent() && visible(actor, women.visibleTo(actor), found.get())) {
            return found.get();
        }
        audit.recordInNewTransaction(AuditEvent.of("campaign-mentee.access", MENTEE, id)
            .withOutcome(found.isPresent() ? AuditEvent.Outcome.DENIED : AuditEvent.Outcome.NOT_FOUND));
        throw ProblemException.notFound("mentee", id);
    }

    /**
     * Mentees the actor may follow, a page at a time: waiting ones in matching order, or those of one mentor.
     * The filter is the rule of {@link #mentee} in SQL, so the list holds exactly the mentees she may open by id
     * and a page is never cut short by ones she may not see: a registered woman's record by the one rule for women
     * ({@link WomanAccess#visibleIn}, also when her case is assigned to the caller outside her districts), a
     * participant's by her district or who enrolled her. The cursor is the last mentee the page shows.
     */
    @Transactional
    public Page<Mentee> mentees(Caller actor, Boolean waiting, UUID mentorId, PageRequest page) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (Boolean.TRUE.equals(waiting)) {
            where.append(" and m.mentor_id is null and m.withdrawn_at is null");
        } else if (Boolean.FALSE.equals(waiting)) {
            where.append(" and m.mentor_id is not null");
        }
        if (mentorId != null) {
            where.append(" and m.mentor_id = ?");
            params.add(mentorId);
        }
        WomanAccess.SqlCondition woman = WomanAccess.visibleIn(actor, "b");
        WomanAccess.SqlCondition participant = participantVisibleIn(actor, "m");
        where.append(" and (m.beneficiary_id is not null and ").append(woman.sql())
            .append(" or m.beneficiary_id is null and ").append(participant.sql()).append(")");
        params.addAll(woman.parameters());
        params.addAll(participant.parameters());
        Cursor after = page.cursor();
        if (after != null) {
            // keyset in (heads_household desc, enrolled_at, id) order
            String later = "(m.enrolled_at > ? or (m.enrolled_at = ? and m.id > ?))";
            where.append(Boolean.parseBoolean(after.string(0))
                ? " and (m.heads_household = false or " + later + ")"
                : " and m.heads_household = false and " + later);
            params.add(java.sql.Timestamp.from(after.instant(1)));
            params.add(java.sql.Timestamp.from(after.instant(1)));
            params.add(after.uuid(2));
        }
        params.add(page.fetchSize());
        jakarta.persistence.Query q = em.createNativeQuery("select m.* from campaign_mentee m "
            + "left join beneficiary b on b.id = m.beneficiary_id " + where
            + " order by m.heads_household desc, m.enrolled_at, m.id limit ?", Mentee.class);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Mentee> rows = q.getResultList();
        return page.page(rows, m -> Cursor.of(m.headsHousehold, m.enrolledAt, m.id));
    }

    /** {@link #visible} for a participant who is not a registered woman, as SQL over the mentee row {@code alias}. */
    private static WomanAccess.SqlCondition participantVisibleIn(Caller actor, String alias) {
        if (actor.isAdmin()) {
            return new WomanAccess.SqlCondition("true", List.of());
        }
        List<Object> params = new ArrayList<>();
        List<String> or = new ArrayList<>();
        if (!actor.namedDistricts().isEmpty()) {
            // the districts are integers from the verified token, so they are written into the SQL as such
            or.add(alias + ".district in (" + actor.namedDistricts().stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(",")) + ")");
        }
        if (actor.subject() != null) {
            or.add(alias + ".enrolled_by = ?");
            params.add(actor.subject());
        }
        return new WomanAccess.SqlCondition(or.isEmpty() ? "false" : "(" + String.join(" or ", or) + ")", params);
    }

    /**
     * Matches every waiting mentee it can (see {@link Matching}); one run at a time, so no mentor is given
     * more mentees than her capacity.
     */
    @Transactional
    public CampaignDtos.MatchingResult match() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('campaign-matching'))").getSingleResult();
        Map<UUID, Long> load = load();
        List<Matching.Offer> offers = Mentor.<Mentor>list("active = true").stream()
            .map(m -> new Matching.Offer(m.id, Set.of(m.skills), Set.of(m.districts),
                (int) Math.max(0, m.capacity - load.getOrDefault(m.id, 0L))))
            .filter(o -> o.free() > 0).toList();
        List<Mentee> waiting = Mentee.list("mentorId is null and withdrawnAt is null");
        Map<UUID, Mentee> byId = waiting.stream().collect(Collectors.toMap(m -> m.id, m -> m));
        List<Matching.Seeker> seekers = waiting.stream().map(m -> new Matching.Seeker(m.id, m.headsHousehold,
            m.district, new LinkedHashSet<>(List.of(m.interests)), m.enrolledAt)).toList();
        List<Matching.Pair> pairs = Matching.match(seekers, offers);
        Instant now = Instant.now(clock);
        for (Matching.Pair p : pairs) {
            Mentee m = byId.get(p.menteeId());
            m.mentorId = p.mentorId();
            m.matchedAt = now;
        }
        Set<UUID> matched = pairs.stream().map(Matching.Pair::menteeId).collect(Collectors.toSet());
        long left = waiting.stream().filter(m -> !matched.contains(m.id)).count();
        long leftHeads = waiting.stream().filter(m -> !matched.contains(m.id) && m.headsHousehold).count();
        audit.record(AuditEvent.of("campaign.match", MENTEE, null).withDetail("matched", pairs.size())
            .withDetail("stillWaiting", left));
        return new CampaignDtos.MatchingResult(pairs, left, leftHeads);
    }

    /** She leaves the campaign: her mentor's place is free again; her sessions and milestones stay. */
    @Transactional
    public Mentee withdraw(UUID menteeId, Caller actor) {
        Mentee m = active(menteeId, actor);
        m.withdrawnAt = Instant.now(clock);
        m.withdrawnBy = actor.subject();
        audit.record(AuditEvent.of("campaign-mentee.withdraw", MENTEE, m.id));
        return m;
    }

    @Transactional
    public MentoringSession recordSession(UUID menteeId, CampaignDtos.RecordSession r, Caller actor) {
        Mentee m = active(menteeId, actor);
        if (m.mentorId == null) {
            throw ProblemException.conflict("campaign-mentee-unmatched");
        }
        Instant now = Instant.now(clock);
        LocalDate held = Inputs.pastDay("heldOn", r.heldOn(), today(now));
        if (held.isBefore(m.matchedAt.atZone(Tehran.ZONE).toLocalDate())) {
            throw ProblemException.invalid("heldOn", "validation.campaign.session-before-match");
        }
        MentoringSession s = new MentoringSession();
        s.id = UUID.randomUUID();
        s.menteeId = m.id;
        s.mentorId = m.mentorId;
        s.heldOn = held;
        s.minutes = r.minutes();
        s.topic = PersianText.normalize(r.topic().strip());
        s.recordedAt = now;
        s.recordedBy = actor.subject();
        s.persist();
        audit.record(AuditEvent.of("campaign-session.record", MENTEE, m.id).withDetail("sessionId", s.id));
        return s;
    }

    @Transactional
    public List<MentoringSession> sessions(UUID menteeId, Caller actor) {
        Mentee m = mentee(menteeId, actor);
        return MentoringSession.list("menteeId = ?1 order by heldOn, recordedAt, id", m.id);
    }

    /**
     * Records a milestone she reached, once. Her first sale makes her eligible to apply to bazaars and is
     * announced as {@code campaign.bazaar-eligible}; a registered business must be hers.
     */
    @Transactional
    public Mentee reach(UUID menteeId, CampaignDtos.RecordMilestone r, Caller actor) {
        Mentee m = active(menteeId, actor);
        Instant now = Instant.now(clock);
        LocalDate day = Inputs.pastDay("reachedOn", r.reachedOn(), today(now));
        if (day.isBefore(m.enrolledAt.atZone(Tehran.ZONE).toLocalDate().minusYears(1))) {
            throw ProblemException.invalid("reachedOn", "validation.campaign.reached-long-before");
        }
        if (r.milestone() == Milestone.Kind.REGISTERED_BUSINESS) {
            if (r.businessId() == null) {
                throw ProblemException.invalid("businessId", "validation.campaign.business-required");
            }
            Business b = Business.<Business>findByIdOptional(r.businessId())
                .filter(x -> m.personId().equals(x.ownerId()))
                .orElseThrow(() -> ProblemException.invalid("businessId", "validation.campaign.business-not-hers"));
            if (b.status == Business.Status.CLOSED) {
                throw ProblemException.invalid("businessId", "validation.campaign.business-not-hers");
            }
        } else if (r.businessId() != null) {
            throw ProblemException.invalid("businessId", "validation.campaign.business-only-registered");
        }
        Milestone.Key key = new Milestone.Key(m.id, r.milestone());
        if (Milestone.findByIdOptional(key).isPresent()) {
            throw ProblemException.conflict("campaign-milestone-reached");
        }
        Milestone s = new Milestone();
        s.key = key;
        s.reachedOn = day;
        s.businessId = r.businessId();
        s.recordedAt = now;
        s.recordedBy = actor.subject();
        s.persist();
        if (r.milestone() == Milestone.Kind.FIRST_SALE) {
            m.bazaarEligibleSince = day;
            outbox.append(eligible(m));
        }
        audit.record(AuditEvent.of("campaign-milestone.record", MENTEE, m.id)
            .withDetail("milestone", r.milestone()));
        return m;
    }

    /** The views of {@code mentees}, with their names and milestones, read in three queries. */
    @Transactional
    public List<CampaignDtos.MenteeView> views(List<Mentee> mentees) {
        if (mentees.isEmpty()) {
            return List.of();
        }
        Map<UUID, String[]> names = new HashMap<>();
        List<UUID> women = mentees.stream().map(m -> m.beneficiaryId).filter(java.util.Objects::nonNull).toList();
        List<UUID> others = mentees.stream().map(m -> m.participantId).filter(java.util.Objects::nonNull).toList();
        if (!women.isEmpty()) {
            Beneficiary.<Beneficiary>list("id in ?1", women)
                .forEach(b -> names.put(b.id, new String[] {b.firstName, b.lastName}));
        }
        if (!others.isEmpty()) {
            CampaignParticipant.<CampaignParticipant>list("id in ?1", others)
                .forEach(p -> names.put(p.id, new String[] {p.firstName, p.lastName}));
        }
        Map<UUID, List<Milestone>> milestones = Milestone.<Milestone>list("key.menteeId in ?1 order by reachedOn",
                mentees.stream().map(m -> m.id).toList()).stream()
            .collect(Collectors.groupingBy(x -> x.key.menteeId));
        return mentees.stream().map(m -> CampaignDtos.MenteeView.of(m, names.getOrDefault(m.personId(), new String[2]),
            milestones.getOrDefault(m.id, List.of()))).toList();
    }

    public CampaignDtos.MenteeView view(Mentee m) {
        return views(List.of(m)).get(0);
    }

    /** A mentee the actor may follow who has not left the campaign; 404, or 409 when she has left. */
    private Mentee active(UUID menteeId, Caller actor) {
        Mentee m = mentee(menteeId, actor);
        if (m.withdrawnAt != null) {
            throw ProblemException.conflict("campaign-mentee-withdrawn");
        }
        return m;
    }

    /**
     * The campaign record of a registered woman is hers: whoever may see her ({@link WomanAccess}) may follow
     * it. A participant who is not registered is followed by the caseworkers of her district and whoever
     * enrolled her.
     */
    private static boolean visible(Caller actor, Predicate<UUID> women, Mentee m) {
        if (m.beneficiaryId != null) {
            return women.test(m.beneficiaryId);
        }
        return actor.isAdmin() || actor.namedDistricts().contains((int) m.district)
            || actor.subject() != null && actor.subject().equals(m.enrolledBy);
    }

    private static LocalDate today(Instant now) {
        return now.atZone(Tehran.ZONE).toLocalDate();
    }

    /** {@code campaign.bazaar-eligible} for a mentee who may apply to bazaars, keyed by her person id. */
    private static DomainEvent eligible(Mentee m) {
        return DomainEvent.of(BazaarEligible.AGGREGATE, m.personId(), BazaarEligible.TYPE, 1,
            new BazaarEligible(m.personId(), m.id, m.headsHousehold, m.district, List.of(m.interests),
                m.bazaarEligibleSince, Days.jalali(m.bazaarEligibleSince)));
    }

    /**
     * Two records of one woman were merged. Her mentee record goes to the survivor; when the survivor is a
     * mentee too, the survivor's record stays and takes the other's sessions, the milestones it lacks, her
     * interests, the earlier enrolment and, if it has none, her mentor; the other record is then removed. If
     * she may apply to bazaars, {@code campaign.bazaar-eligible} is announced again with her new person id.
     */
    void onMerged(@Observes BeneficiariesMerged merged) {
        Mentee lost = Mentee.<Mentee>find("beneficiaryId", merged.loserId()).firstResult();
        if (lost == null) {
            return;
        }
        Mentee kept = Mentee.<Mentee>find("beneficiaryId", merged.survivorId()).firstResult();
        if (kept == null) {
            lost.beneficiaryId = merged.survivorId();
            audit.record(AuditEvent.of("campaign-mentee.merge", MENTEE, lost.id)
                .withDetail("from", merged.loserId()));
            if (lost.bazaarEligibleSince != null) {
                merged.events().add(eligible(lost));
            }
            return;
        }
        em.createQuery("update MentoringSession set menteeId = ?1 where menteeId = ?2")
            .setParameter(1, kept.id).setParameter(2, lost.id).executeUpdate();
        for (Milestone s : Milestone.<Milestone>list("key.menteeId", lost.id)) {
            if (Milestone.findByIdOptional(new Milestone.Key(kept.id, s.key.milestone)).isEmpty()) {
                Milestone copy = new Milestone();
                copy.key = new Milestone.Key(kept.id, s.key.milestone);
                copy.reachedOn = s.reachedOn;
                copy.businessId = s.businessId;
                copy.recordedAt = s.recordedAt;
                copy.recordedBy = s.recordedBy;
                copy.persist();
            }
            s.delete();
        }
        Set<String> interests = new java.util.TreeSet<>(List.of(kept.interests));
        interests.addAll(List.of(lost.interests));
        kept.interests = interests.toArray(String[]::new);
        if (lost.enrolledAt.isBefore(kept.enrolledAt)) {
            kept.enrolledAt = lost.enrolledAt;
        }
        if (kept.mentorId == null && lost.mentorId != null && lost.withdrawnAt == null) {
            kept.mentorId = lost.mentorId;
            kept.matchedAt = lost.matchedAt;
        }
        if (lost.withdrawnAt == null) {
            kept.withdrawnAt = null;
            kept.withdrawnBy = null;
        }
        LocalDate wasEligible = kept.bazaarEligibleSince;
        if (lost.bazaarEligibleSince != null
                && (wasEligible == null || lost.bazaarEligibleSince.isBefore(wasEligible))) {
            kept.bazaarEligibleSince = lost.bazaarEligibleSince;
        }
        em.flush();
        lost.delete();
        audit.record(AuditEvent.of("campaign-mentee.merge", MENTEE, kept.id).withDetail("mergedMentee", lost.id));
        if (kept.bazaarEligibleSince != null && !kept.bazaarEligibleSince.equals(wasEligible)) {
            merged.events().add(eligible(kept));
        }
    }

    /**
     * A merge was undone: her mentee record (and the survivor's, if the merge combined them) is as it was. Each
     * restored mentee who may apply to bazaars is announced again ({@code campaign.bazaar-eligible}) with her
     * person id, so that the bazaar's applicant goes back to the record it belongs to.
     */
    void onSplit(@Observes BeneficiariesSplit split) {
        for (UUID id : split.restoredIn("campaign_mentee")) {
            Mentee m = Mentee.findById(id);
            if (m != null && m.bazaarEligibleSince != null) {
                split.events().add(eligible(m));
            }
        }
    }
}
