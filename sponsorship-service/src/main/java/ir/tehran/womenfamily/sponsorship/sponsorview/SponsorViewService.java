package ir.tehran.womenfamily.sponsorship.sponsorview;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.ArrayList;
import java.util.stream.Collectors;

import ir.tehran.womenfamily.sponsorship.child.Ages;
import ir.tehran.womenfamily.sponsorship.child.Child;
import ir.tehran.womenfamily.sponsorship.consent.SponsorshipConsent;
import ir.tehran.womenfamily.sponsorship.pledge.InstalmentService;
import ir.tehran.womenfamily.sponsorship.pledge.Pledge;
import ir.tehran.womenfamily.sponsorship.pledge.PledgeDtos;
import ir.tehran.womenfamily.sponsorship.pledge.SponsorChildCode;
import ir.tehran.womenfamily.sponsorship.programme.Enrolment;
import ir.tehran.womenfamily.sponsorship.school.TermReport;
import ir.tehran.womenfamily.sponsorship.school.Term;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The sponsor's own view. Everything is looked up from the sponsor id in her token: another sponsor's
 * pledge or child is simply not found (404), never forbidden, so a sponsor learns nothing of others.
 * A child is shown to her sponsor only while her mother consents to sponsorship ({@link SponsorshipConsent}):
 * without it she is not among the sponsor's children, and her sponsorships carry her code but not her initial; a
 * sponsorship suspended for it shows as ended, at its suspension, with no reason (as every end shows).
 */
@ApplicationScoped
public class SponsorViewService {

    @Inject
    Clock clock;

    @Inject
    InstalmentService instalments;

    @Inject
    SponsorFeed feed;

    @Transactional
    public List<SponsorViewDtos.SponsorshipView> sponsorships(UUID sponsorId) {
        return Pledge.<Pledge>list("sponsorId = ?1 order by proposedAt desc, id", sponsorId).stream()
            .map(p -> sponsorship(sponsorId, p)).toList();
    }

    /** Her sponsorships for her app's cache: all of them, or those changed since {@code since}. */
    @Transactional
    public SponsorFeed.Sync<SponsorViewDtos.SponsorshipView> sponsorshipFeed(UUID sponsorId, Instant since) {
        Map<String, SponsorViewDtos.SponsorshipView> current = new LinkedHashMap<>();
        sponsorships(sponsorId).forEach(s -> current.put(s.id().toString(), s));
        return feed.read(sponsorId, SponsorFeed.Feed.SPONSORSHIPS, current, since);
    }

    /**
     * The children she supports for her app's cache: all of them, or those changed since {@code since} and the
     * codes of those she no longer supports (an ended and a suspended sponsorship look the same).
     */
    @Transactional
    public SponsorFeed.Sync<SponsorViewDtos.ChildView> childFeed(UUID sponsorId, Instant since) {
        Map<String, SponsorViewDtos.ChildView> current = new LinkedHashMap<>();
        children(sponsorId).forEach(c -> current.put(c.code(), c));
        return feed.read(sponsorId, SponsorFeed.Feed.CHILDREN, current, since);
    }

    /** Records both of her lists as they are now (their changes and tombstones), for {@link SponsorFeedRecorder}. */
    @Transactional
    public void recordFeeds(UUID sponsorId) {
        Map<String, SponsorViewDtos.SponsorshipView> sponsorships = new LinkedHashMap<>();
        sponsorships(sponsorId).forEach(s -> sponsorships.put(s.id().toString(), s));
        feed.record(sponsorId, SponsorFeed.Feed.SPONSORSHIPS, sponsorships);
        Map<String, SponsorViewDtos.ChildView> children = new LinkedHashMap<>();
        children(sponsorId).forEach(c -> children.put(c.code(), c));
        feed.record(sponsorId, SponsorFeed.Feed.CHILDREN, children);
    }

    @Transactional
    public Optional<SponsorViewDtos.SponsorshipView> sponsorship(UUID sponsorId, UUID pledgeId) {
        return Pledge.<Pledge>find("id = ?1 and sponsorId = ?2", pledgeId, sponsorId).firstResultOptional()
            .map(p -> sponsorship(sponsorId, p));
    }

    /** The children she supports now (an active sponsorship), by her codes. */
    @Transactional
    public List<SponsorViewDtos.ChildView> children(UUID sponsorId) {
        Map<UUID, List<Pledge.Purpose>> purposes = new LinkedHashMap<>();
        Pledge.<Pledge>list("sponsorId = ?1 and status = ?2 order by confirmedAt, id", sponsorId,
            Pledge.Status.ACTIVE).forEach(p -> purposes.computeIfAbsent(p.childId, k -> new ArrayList<>())
                .add(p.purpose));
        Map<UUID, Child> children = new LinkedHashMap<>();
        purposes.keySet().forEach(id -> children.put(id, Child.findById(id)));
        Set<UUID> consenting = SponsorshipConsent.given(children.values().stream().map(c -> c.motherId)
            .collect(Collectors.toSet()));
        return purposes.entrySet().stream().filter(e -> consenting.contains(children.get(e.getKey()).motherId))
            .map(e -> child(sponsorId, e.getKey(), e.getValue())).toList();
    }

    @Transactional
    public Optional<SponsorViewDtos.ChildView> child(UUID sponsorId, String code) {
        return children(sponsorId).stream().filter(c -> c.code().equalsIgnoreCase(code)).findFirst();
    }

    private SponsorViewDtos.SponsorshipView sponsorship(UUID sponsorId, Pledge p) {
        Child c = Child.findById(p.childId);
        LocalDate today = Tehran.today(clock);
        String initial = SponsorshipConsent.given(c.motherId) ? c.firstNameInitial : null;
        // a suspension is the mother's matter: the sponsor sees the sponsorship ended, for no reason given
        boolean suspended = p.status == Pledge.Status.SUSPENDED;
        return new SponsorViewDtos.SponsorshipView(p.id, SponsorChildCode.of(sponsorId, p.childId),
            initial, p.purpose,
            p.schedule, p.instalmentRials, p.months, p.totalRials, p.startsOn, Days.jalali(p.startsOn),
            suspended ? Pledge.Status.ENDED : p.status, p.heldUntil, p.confirmedAt,
            suspended ? p.suspendedAt : p.endedAt, PledgeDtos.BalancesView.of(p.balances()),
            instalments.ofPledge(p.id).stream()
                .map(w -> PledgeDtos.InstalmentView.of(w.instalment(), w.payments(), today))
                .toList());
    }

    private SponsorViewDtos.ChildView child(UUID sponsorId, UUID childId, List<Pledge.Purpose> purposes) {
        Child c = Child.findById(childId);
        return new SponsorViewDtos.ChildView(SponsorChildCode.of(sponsorId, childId), c.firstNameInitial,
            Ages.ageOn(c.birthDate, Tehran.today(clock)), c.grade, purposes, progress(childId));
    }

    static SponsorViewDtos.Trend trend(BigDecimal latest, BigDecimal previous) {
        if (latest == null || previous == null) {
            return SponsorViewDtos.Trend.UNKNOWN;
        }
        int sign = latest.compareTo(previous);
        return sign > 0 ? SponsorViewDtos.Trend.UP : sign < 0 ? SponsorViewDtos.Trend.DOWN
            : SponsorViewDtos.Trend.STEADY;
    }

    private static SponsorViewDtos.Progress progress(UUID childId) {
        List<TermReport> reports = TermReport.find("childId = ?1 order by academicYear desc, term desc", childId)
            .page(0, 2).list();
        BigDecimal latest = reports.isEmpty() ? null : Term.of(reports.get(0)).average();
        BigDecimal previous = reports.size() < 2 ? null : Term.of(reports.get(1)).average();
        BigDecimal attendance = reports.isEmpty() ? null
            : BigDecimal.ONE.subtract(Term.of(reports.get(0)).absenceRate());
        SponsorViewDtos.Trend trend = trend(latest, previous);
        long completed = Enrolment.count("childId = ?1 and status = ?2", childId, Enrolment.Status.COMPLETED);
        long underway = Enrolment.count("childId = ?1 and status = ?2", childId, Enrolment.Status.ENROLLED);
        return new SponsorViewDtos.Progress(latest, previous, trend, attendance, completed, underway);
    }
}
