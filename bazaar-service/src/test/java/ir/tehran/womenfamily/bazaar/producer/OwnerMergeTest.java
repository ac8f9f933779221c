package ir.tehran.womenfamily.bazaar.producer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.bazaar.TestData;
import org.junit.jupiter.api.Test;

/**
 * A merge of a woman's two registry records re-links her applicants (a business and a campaign applicant) to
 * the survivor, whichever event is read first, and a split puts them back; reading either again changes
 * nothing.
 */
@QuarkusTest
class OwnerMergeTest {

    private static UUID ownerOf(UUID producer) {
        return QuarkusTransaction.requiringNew().call(() -> Producer.<Producer>findById(producer).ownerId);
    }

    private static long producersOf(UUID owner) {
        return QuarkusTransaction.requiringNew().call(() -> Producer.count("ownerId", owner));
    }

    @Test
    void herApplicantsFollowTheMergeAndComeBackAtTheSplit() {
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        UUID business = UUID.randomUUID();
        UUID mentee = UUID.randomUUID();
        UUID survivorsOwn = UUID.randomUUID();
        TestData.sendBusinessEvent("business.registered", business, TestData.business(business, merged, "pottery", 4,
            true, "ACTIVE"));
        TestData.sendBusinessEvent("business.registered", survivorsOwn, TestData.business(survivorsOwn, survivor,
            "candles", 4, true, "ACTIVE"));
        TestData.sendCampaignEligible(UUID.randomUUID().toString(), merged, TestData.campaignEligible(merged, mentee,
            true, 4, List.of("dolls"), LocalDate.of(2025, 1, 1), "1403-10-12"));
        TestData.awaitProducer(business, "ACTIVE");
        TestData.awaitProducer(survivorsOwn, "ACTIVE");
        TestData.awaitProducer(mentee, "ACTIVE");

        TestData.sendMergeEvent("beneficiary.merged", merged, survivor);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertEquals(0, producersOf(merged)));
        assertEquals(survivor, ownerOf(business));
        assertEquals(survivor, ownerOf(mentee));
        assertEquals(3, producersOf(survivor));

        // an event the registry sent before the merge, read after it, still names her old record: held as hers
        TestData.sendBusinessEvent("business.updated", business, TestData.business(business, merged, "pottery", 5,
            true, "ACTIVE"));
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertEquals((short) 5,
            QuarkusTransaction.requiringNew().call(() -> Producer.<Producer>findById(business).district)));
        assertEquals(survivor, ownerOf(business));

        // the same merge read again changes nothing; the split puts back what the registry names as hers
        TestData.sendMergeEvent("beneficiary.merged", merged, survivor);
        TestData.sendMergeEvent("beneficiary.split", merged, survivor);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertEquals(2, producersOf(merged)));
        assertEquals(merged, ownerOf(business));
        assertEquals(merged, ownerOf(mentee));
        assertEquals(survivor, ownerOf(survivorsOwn));
        String again = TestData.sendMergeEvent("beneficiary.split", merged, survivor);
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertEquals(1L, QuarkusTransaction.requiringNew()
            .call(() -> ((Number) Producer.getEntityManager().createNativeQuery(
                "select count(*) from processed_event where event_id = ?1").setParameter(1, again)
                .getSingleResult()).longValue())));
        assertEquals(2, producersOf(merged));
        assertEquals(1, producersOf(survivor));
    }
}
