package ir.tehran.womenfamily.sponsorship;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ir.tehran.womenfamily.localstack.EventContract;
import org.junit.jupiter.api.Test;

/**
 * What each consumer reads of the events on both sides of sponsorship is what the producer's schema promises: the
 * fields {@code roster.RosterProjection} and {@code consent.ConsentProjection} read of the registry's events (the
 * registry's {@code asyncapi} artifact), and the fields the registry's {@code consent.DownstreamDisclosures} reads of
 * sponsorship's own {@code disclosure.recorded}, each with its type, required unless marked {@code ?}.
 */
class EventExpectationsTest {

    private static final String REGISTRY = "urn:women-family:events:registry:";

    @Test
    void sponsorshipReadsOfTheRegistrysEventsOnlyWhatTheyPromise() {
        EventContract contract = EventContract.load();
        Map<String, String> child = Map.of("childId", "string", "motherId", "string", "birthDate", "string",
            "birthDateJalali", "string", "gender", "string", "grade", "integer?", "district", "integer?");
        Map<String, String> consent = Map.of("purpose", "string", "beneficiaryId", "string", "consentId", "string",
            "at", "string");
        List<String> unmet = new ArrayList<>();
        unmet.addAll(contract.unmetExpectations(REGISTRY + "child.added:v1", child));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "child.updated:v1", child));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "child.removed:v1",
            Map.of("childId", "string", "removedAt", "string")));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "beneficiary.registered:v1",
            Map.of("beneficiaryId", "string", "registeredOn", "string?", "district", "integer?")));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "beneficiary.updated:v1",
            Map.of("beneficiaryId", "string", "district", "integer")));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "beneficiary.status-changed:v1",
            Map.of("beneficiaryId", "string", "to", "string")));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "beneficiary.support-level-changed:v1",
            Map.of("beneficiaryId", "string", "to", "string")));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "beneficiary.merged:v1",
            Map.of("beneficiaryId", "string", "survivorId", "string", "mergedAt", "string")));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "beneficiary.split:v1",
            Map.of("beneficiaryId", "string", "survivorId", "string")));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "consent.given:v1", consent));
        unmet.addAll(contract.unmetExpectations(REGISTRY + "consent.revoked:v1", consent));
        assertEquals(List.of(), unmet);
    }

    @Test
    void theRegistryReadsOfSponsorshipsDisclosuresOnlyWhatTheyPromise() {
        assertEquals(List.of(), EventContract.load().unmetExpectations(
            "urn:women-family:events:sponsorship:disclosure.recorded:v1",
            Map.of("disclosureId", "string", "beneficiaryId", "string", "purpose", "string", "consentId", "string",
                "what", "string", "recipient", "string", "reference", "string?", "at", "string")));
    }
}
