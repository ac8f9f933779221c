package ir.tehran.womenfamily.sponsorship.sponsorview;

import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Keeps the bookkeeping of the sponsors' delta feeds ({@link SponsorFeed}) in the background, so that a read of
 * {@code /me/sponsorships} or {@code /me/children} never writes: every {@code sponsorship.feed.record-every} it
 * records each sponsor's two lists as they are now (one transaction per sponsor), and once a day it deletes the
 * tombstones older than the feed's window.
 */
@ApplicationScoped
public class SponsorFeedRecorder {

    private static final Logger LOG = Logger.getLogger(SponsorFeedRecorder.class);

    @Inject
    EntityManager em;

    @Inject
    SponsorViewService views;

    @Inject
    SponsorFeed feed;

    @Scheduled(identity = "sponsor-feed-record", every = "${sponsorship.feed.record-every}", delayed = "20s",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRecord() {
        recordAll();
    }

    @Scheduled(identity = "sponsor-feed-prune", every = "${sponsorship.feed.prune-every}", delayed = "5m",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPrune() {
        int pruned = feed.prune();
        if (pruned > 0) {
            LOG.infof("pruned %d sponsor feed tombstones older than %d days", pruned, SponsorFeed.WINDOW.toDays());
        }
    }

    /** Records the lists of every sponsor who has a pledge or a recorded feed; returns how many sponsors. */
    public int recordAll() {
        List<UUID> sponsors = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select sponsor_id from pledge union select sponsor_id from sponsor_feed_item", UUID.class)
            .getResultList().stream().map(UUID.class::cast).toList());
        sponsors.forEach(views::recordFeeds);
        return sponsors.size();
    }
}
