package ir.tehran.womenfamily.bazaar.application;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarService;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarVenueDay;
import ir.tehran.womenfamily.bazaar.producer.BusinessClosed;
import ir.tehran.womenfamily.support.taxonomy.Category;
import ir.tehran.womenfamily.bazaar.producer.Producer;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class ApplicationService {

    @Inject
    Clock clock;

    @Inject
    Event<ApplicationWithdrawn> withdrawn;

    @Transactional
    public Application apply(UUID bazaarId, ApplicationDtos.Apply r) {
        Bazaar bazaar = Bazaar.findById(bazaarId, LockModeType.PESSIMISTIC_READ);
        if (bazaar == null) {
            throw ProblemException.notFound("bazaar", bazaarId);
        }
        LocalDate today = Tehran.today(clock);
        if (!bazaar.acceptsApplicationsOn(today)) {
            throw new ProblemException(409, "applications-closed", Days.jalali(bazaar.applicationsOpen),
                Days.jalali(bazaar.applicationsClose));
        }
        Producer producer = Producer.findById(r.businessId());
        if (producer == null) {
            throw ProblemException.invalid("businessId", "validation.unknown-business");
        }
        if (!producer.mayApply()) {
            throw new ProblemException(409, "business-not-active", producer.status.name());
        }
        String category = category(producer, r.category());
        if (producer.isCampaign() && Producer.count("ownerId = ?1 and kind = ?2 and status = ?3", producer.ownerId,
                Producer.Kind.BUSINESS, Producer.Status.ACTIVE) > 0) {
            throw new ProblemException(409, "campaign-applicant-has-business");
        }
        List<BazaarVenueDay> offered = BazaarVenueDay.ofBazaar(bazaarId);
        Set<UUID> venues = new LinkedHashSet<>();
        for (int i = 0; i < r.venuePreferences().size(); i++) {
            UUID v = r.venuePreferences().get(i);
            if (offered.stream().noneMatch(d -> d.venueId.equals(v))) {
                throw ProblemException.invalid("venuePreferences[" + i + "]", "validation.venue-not-in-bazaar");
            }
            if (!venues.add(v)) {
                throw ProblemException.invalid("venuePreferences[" + i + "]", "validation.duplicate");
            }
        }
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < r.days().size(); i++) {
            LocalDate d = DateInput.required("days[" + i + "]", r.days().get(i));
            if (offered.stream().noneMatch(o -> o.day.equals(d))) {
                throw ProblemException.invalid("days[" + i + "]", "validation.day-outside-bazaar");
            }
            days.add(d);
        }
        if (Application.count("bazaarId = ?1 and businessId = ?2 and status = ?3", bazaarId, r.businessId(),
                Application.Status.SUBMITTED) > 0) {
            throw ProblemException.conflict("already-applied");
        }
        // one woman, one application to a bazaar across her campaign applicant and her businesses
        if (Application.count("bazaarId = ?1 and status = ?2 and businessId in (select p.businessId from Producer p "
                + "where p.ownerId = ?3 and p.kind <> ?4)", bazaarId, Application.Status.SUBMITTED, producer.ownerId,
                producer.kind) > 0) {
            throw ProblemException.conflict("already-applied");
        }
        producer.category = category;
        Application a = Application.submit(bazaarId, r.businessId(), List.copyOf(venues), days, r.stalls(),
            r.needsPower(), r.needsCooking(), Instant.now(clock));
        a.persist();
        audit.record(AuditEvent.of("application.submit", "application", a.id));
        return a;
    }

    /**
     * The category she applies in: a business's own; for a campaign applicant the one named (one of hers, or
     * any when she has none recorded), else the one she last applied in while it is still among hers, else her
     * first.
     */
    private static String category(Producer producer, String requested) {
        String named = null;
        if (requested != null) {
            try {
                named = Category.ofCode(requested.strip()).code();
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("category", "validation.unknown-category");
            }
        }
        if (!producer.isCampaign()) {
            if (named != null && !named.equals(producer.category)) {
                throw ProblemException.invalid("category", "validation.category-of-business");
            }
            return producer.category;
        }
        List<String> hers = producer.campaignCategories();
        if (named != null) {
            if (!hers.isEmpty() && !hers.contains(named)) {
                throw ProblemException.invalid("category", "validation.campaign-category-not-hers");
            }
            return named;
        }
        if (producer.category != null && (hers.isEmpty() || hers.contains(producer.category))) {
            return producer.category;
        }
        if (hers.isEmpty()) {
            throw ProblemException.invalid("category", "validation.campaign-category-required");
        }
        return hers.get(0);
    }

    @Transactional
    public Optional<Application> find(UUID id) {
        Optional<Application> a = Application.findByIdOptional(id);
        a.ifPresent(x -> {
            x.days.size();
            x.venuePreferences.size();
        });
        return a;
    }

    @Transactional
    public List<Application> ofBazaar(UUID bazaarId, Set<UUID> onlyBusinesses) {
        List<Application> out = onlyBusinesses == null
            ? Application.list("bazaarId", Sort.by("submittedAt").and("id"), bazaarId)
            : onlyBusinesses.isEmpty() ? List.of()
            : Application.list("bazaarId = ?1 and businessId in ?2", Sort.by("submittedAt").and("id"), bazaarId,
                onlyBusinesses);
        out.forEach(x -> {
            x.days.size();
            x.venuePreferences.size();
        });
        return out;
    }

    @Transactional
    public List<Application> ofBusinesses(Set<UUID> businesses, Instant since) {
        if (businesses.isEmpty()) {
            return List.of();
        }
        Sort order = Sort.by("updatedAt").and("id");
        List<Application> out = since == null ? Application.list("businessId in ?1", order, businesses)
            : Application.list("businessId in ?1 and updatedAt > ?2", order, businesses, since);
        out.forEach(x -> {
            x.days.size();
            x.venuePreferences.size();
        });
        return out;
    }

    /** Withdraws an application; her published stalls still to come are released to the waitlist. */
    @Transactional
    public Application withdraw(UUID id, Application.WithdrawalReason reason) {
        Application a = Application.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("application", id);
        }
        Bazaar bazaar = Bazaar.findById(a.bazaarId);
        if (bazaar.status == Bazaar.Status.CLOSED) {
            throw new ProblemException(409, "bazaar-closed");
        }
        a.withdraw(reason, Instant.now(clock));
        withdrawn.fire(new ApplicationWithdrawn(a.id, a.bazaarId, a.businessId));
        a.days.size();
        a.venuePreferences.size();
        audit.record(AuditEvent.of("application.withdraw", "application", id).withDetail(reason));
        return a;
    }

    /**
     * A venue was taken out of a bazaar: applicants who ranked it keep their other preferences, in their order (an
     * application left with none is placed anywhere the allocation finds room, like an unlisted venue).
     */
    void onVenuesChanged(@Observes BazaarService.VenuesChanged event) {
        if (event.removedVenue() == null) {
            return;
        }
        for (Application a : Application.<Application>list("bazaarId", event.bazaarId())) {
            a.venuePreferences.remove(event.removedVenue());
        }
    }

    /** Her business closed: every application of hers to a bazaar not yet closed is withdrawn. */
    @Inject
    Audit audit;

    void onBusinessClosed(@Observes BusinessClosed event) {
        List<Application> open = Application.list("businessId = ?1 and status = ?2", event.businessId(),
            Application.Status.SUBMITTED);
        for (Application a : open) {
            Bazaar bazaar = Bazaar.findById(a.bazaarId);
            if (bazaar.status != Bazaar.Status.CLOSED) {
                a.withdraw(Application.WithdrawalReason.BUSINESS_CLOSED, Instant.now(clock));
                withdrawn.fire(new ApplicationWithdrawn(a.id, a.bazaarId, a.businessId));
                // the closing came from the registry's event: the entry names the consumer
                audit.record(AuditEvent.of("application.withdraw", "application", a.id)
                    .withDetail("withdrawalReason", Application.WithdrawalReason.BUSINESS_CLOSED));
            }
        }
    }
}
