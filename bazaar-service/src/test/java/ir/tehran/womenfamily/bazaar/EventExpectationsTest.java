package ir.tehran.womenfamily.bazaar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ir.tehran.womenfamily.localstack.EventContract;
import org.junit.jupiter.api.Test;

/**
 * What each consumer reads of the events on both sides of the bazaar is what the producer's schema promises: the
 * fields the bazaar's {@code producer.RegistryEventsConsumer} reads of the registry's events (the registry's
 * {@code asyncapi} artifact), and the fields the registry's {@code consent.DownstreamDisclosures} reads of the
 * bazaar's own {@code disclosure.recorded}, each with its type, required unless marked {@code ?}.
 */
class EventExpectationsTest {

    private static final String REGISTRY = "urn:women-family:events:registry:";

    @Test
    void theBazaarReadsOfTheRegistrysEventsOnlyWhatTheyPromise() {
        EventContract contract = EventContract.load();
        Map<String, String> business = Map.of("businessId", "string", "ownerId", "string",
            "ownerHeadsHousehold", "boolean", "category", "string", "district", "integer?", "status", "string",
            "publicationConsent", "boolean");
        Map<String, String> consent = Map.of("purpose", "string", "beneficiaryId", "string",
            "purposeActive", "boolean", "consentId", "string", "at", "string");
        List<String> unmet = new ArrayList<>();
        unmet.addAll(contract.unmetExpectations(REGISTRY + "business.registered:v1", business));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "business.updated:v1", business));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "business.closed:v1",
            Map.of("businessId", "string", "closedAt", "string")));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "consent.given:v1", consent));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "consent.revoked:v1", consent));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "campaign.bazaar-eligible:v1",
            Map.of("menteeId", "string", "categories", "array", "personId", "string", "headsHousehold", "boolean",
                "district", "integer", "since", "string")));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "beneficiary.merged:v1",
            Map.of("beneficiaryId", "string", "survivorId", "string", "mergedAt", "string")));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "beneficiary.split:v1",
            Map.of("beneficiaryId", "string", "survivorId", "string")));
        assertEquals(List.of(), unmet);
    }

    @Test
    void theRegistryReadsOfTheBazaarsDisclosuresOnlyWhatTheyPromise() {
        assertEquals(List.of(), EventContract.load().unmetExpectations(
            "urn:women-family:events:bazaar:disclosure.recorded:v1",
            Map.of("disclosureId", "string", "beneficiaryId", "string", "purpose", "string", "consentId", "string",
                "what", "string", "recipient", "string", "reference", "string?", "at", "string")));
    }
}
