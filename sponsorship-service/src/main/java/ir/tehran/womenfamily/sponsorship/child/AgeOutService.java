package ir.tehran.womenfamily.sponsorship.child;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.support.audit.AuditContext;
import ir.tehran.womenfamily.sponsorship.SponsorshipConfig;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Children leave the programme on their 20th birthday by the Jalali calendar (see {@link Ages} for 30
 * Esfand). A daily job marks them aged out, one transaction each: the row and its history stay, the
 * {@code child.aged-out} event goes out through the outbox, and her sponsorships end.
 */
@ApplicationScoped
public class AgeOutService {

    private static final Logger LOG = Logger.getLogger(AgeOutService.class);
    /** Jalali and Gregorian anniversaries differ by a day at most; the query keeps a margin. */
    private static final int MARGIN_DAYS = 3;

    @Inject
    SponsorshipConfig config;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    Callers callers;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ChildHistoryLog history;

    @Inject
    Event<ChildLeft> childLeft;

    /** The outcome of one run. */
    @Schema(name = "AgeOutReport")
    public record Report(LocalDate on, String onJalali, int agedOut, List<UUID> children) {
    }

    /** Payload of {@code child.aged-out} v1. */
    public record ChildAgedOut(UUID childId, LocalDate agedOutOn, String agedOutOnJalali) {
    }

    @Scheduled(identity = "age-out", cron = "${sponsorship.age-out.cron}", timeZone = Tehran.ZONE_ID,
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        // what the run changes (children aged out, their pledges ended) is recorded as the job's
        Report report = AuditContext.get("age-out", "job:age-out", this::runToday);
        LOG.infof("age-out %s: %d children aged out", report.onJalali(), report.agedOut());
    }

    public Report runToday() {
        return run(Tehran.today(clock));
    }

    /** Ages out every active child whose birthday of the configured age is on or before {@code today}. */
    public Report run(LocalDate today) {
        int age = config.ageOut().age();
        List<UUID> candidates = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from Child c where c.removedAt is null and c.agedOutOn is null and c.birthDate <= :cutoff",
                UUID.class)
            .setParameter("cutoff", today.minusYears(age).plusDays(MARGIN_DAYS))
            .getResultList());
        List<UUID> aged = new ArrayList<>();
        for (UUID id : candidates) {
            if (QuarkusTransaction.requiringNew().call(() -> ageOut(id, today, age))) {
                aged.add(id);
            }
        }
        return new Report(today, Days.jalali(today), aged.size(), aged);
    }

    private boolean ageOut(UUID id, LocalDate today, int age) {
        Child c = Child.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.isActive()) {
            return false;
        }
        LocalDate birthday = Ages.anniversary(c.birthDate, age);
        if (birthday.isAfter(today)) {
            return false;
        }
        c.agedOutOn = birthday;
        Instant now = Instant.now(clock);
        history.record(id, now, ChildHistory.Kind.AGED_OUT,
            Map.of("agedOutOn", birthday.toString(), "agedOutOnJalali", Days.jalali(birthday)), null);
        outbox.append(DomainEvent.of(Child.AGGREGATE, id, "child.aged-out", 1,
            new ChildAgedOut(id, birthday, Days.jalali(birthday))));
        childLeft.fire(new ChildLeft(id, ChildLeft.Reason.CHILD_AGED_OUT, now));
        // an admin's run names her; the daily job names itself
        Caller actor = callers.current().isAnonymous() ? Caller.system("age-out") : callers.current();
        audit.record(actor, AuditEvent.of("child.age-out", "child", id).withDetail("agedOutOn", birthday));
        return true;
    }
}
