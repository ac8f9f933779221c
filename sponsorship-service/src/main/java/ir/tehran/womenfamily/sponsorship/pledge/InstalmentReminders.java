package ir.tehran.womenfamily.sponsorship.pledge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.sponsorship.SponsorshipConfig;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Reminds a sponsor of an instalment coming due: every day, each unpaid instalment of an active sponsorship due
 * within {@code sponsorship.reminders.days-before} days is announced once ({@code instalment.due} on the topic
 * {@code sponsorship.reminder}, keyed by the sponsorship), for the notification service to tell her. The topic is
 * read only by that service: the event names the sponsor, whom the other topics never name. Replicas running the
 * job at once take different instalments ({@code for update skip locked}), and an instalment is marked reminded
 * in the transaction that writes its event, so a run that stops half-way is simply run again.
 */
@ApplicationScoped
public class InstalmentReminders {

    /** The aggregate, and so the topic: {@code sponsorship.reminder}. */
    public static final String AGGREGATE = "reminder";
    public static final String TYPE = "instalment.due";

    private static final Logger LOG = Logger.getLogger(InstalmentReminders.class);
    private static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    SponsorshipConfig config;

    @Inject
    Clock clock;

    /** Payload of {@code instalment.due} v1. */
    public record InstalmentDue(UUID sponsorshipId, UUID sponsorId, UUID childId, int number, LocalDate dueOn,
            String dueOnJalali, long amountDueRials) {
    }

    @Scheduled(identity = "instalment-reminders", cron = "${sponsorship.reminders.cron}", timeZone = Tehran.ZONE_ID,
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        int sent = run(Tehran.today(clock));
        LOG.infof("instalment reminders: %d sent", sent);
    }

    /** Announces every instalment due from {@code today} to {@code days-before} days later not announced yet. */
    public int run(LocalDate today) {
        LocalDate until = today.plusDays(config.reminders().daysBefore());
        int sent = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> remind(today, until));
            sent += batch;
            if (batch < BATCH) {
                return sent;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private int remind(LocalDate today, LocalDate until) {
        List<Object[]> due = em.createNativeQuery("""
                select i.id, p.id as pledge_id, p.sponsor_id, p.child_id, i.number, i.due_on,
                       i.amount_rials - i.paid_rials - i.cancelled_rials
                from instalment i join pledge p on p.id = i.pledge_id
                where i.reminded_on is null and i.paid_rials + i.cancelled_rials < i.amount_rials
                  and i.due_on between :today and :until and p.status = 'ACTIVE'
                order by i.due_on, i.id
                limit :batch
                for update of i skip locked""")
            .setParameter("today", today).setParameter("until", until).setParameter("batch", BATCH)
            .getResultList();
        List<UUID> reminded = new ArrayList<>();
        for (Object[] row : due) {
            LocalDate dueOn = row[5] instanceof LocalDate d ? d : ((java.sql.Date) row[5]).toLocalDate();
            outbox.append(DomainEvent.of(AGGREGATE, (UUID) row[1], TYPE, 1, new InstalmentDue((UUID) row[1],
                (UUID) row[2], (UUID) row[3], ((Number) row[4]).intValue(), dueOn, Days.jalali(dueOn),
                ((Number) row[6]).longValue())));
            reminded.add((UUID) row[0]);
        }
        if (!reminded.isEmpty()) {
            em.createNativeQuery("update instalment set reminded_on = :today where id in (:ids)")
                .setParameter("today", today).setParameter("ids", reminded).executeUpdate();
        }
        return due.size();
    }
}
