package ir.tehran.womenfamily.registry.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.NeedToKnowProbe;
import ir.tehran.womenfamily.localstack.SecurityMatrix;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import org.junit.jupiter.api.Test;

/**
 * Every operation of this service's OpenAPI document that takes a woman's id (see {@link NeedToKnowProbe}),
 * called by a caseworker of district 5: for a woman of district 7, and for a woman of district 5 whose case is
 * another caseworker's (her casework and sensitive facts), the answer is the 404 problem of an id nobody has,
 * byte for byte but for the id, the instance and the request id. The operations come from {@code /q/openapi},
 * so a new sub-resource is covered without touching this test; operations that name her campaign record (a
 * mentee id) are called with the id of hers; and every operation the security matrix marks {@code own} for a
 * caseworker that names a record in its path must be in the generated list.
 */
@QuarkusTest
class NeedToKnowTest {

    /**
     * Her casework (case, assignments, referrals, training, business facilitation) and sensitive facts (notes,
     * cohorts, placements, counselling, release cases).
     */
    static final Pattern CASEWORK = Pattern.compile(
        ".*/(case|referrals|cohorts|placements|counselling|training|business-facilitation|release-cases)(/.*)?");

    @TestHTTPResource("/")
    URL root;

    /** Enrols the woman {@code beneficiaryId} in the home-business campaign; returns her mentee id. */
    static String mentee(String beneficiaryId) {
        return RegistryApi.as(RegistryApi.admin()).body("{\"beneficiaryId\":\"" + beneficiaryId + "\"}")
            .post("/api/registry/campaign/mentees").then().statusCode(201).extract().path("id");
    }

    /** A participant of the campaign who is not a registered woman, of {@code district}, enrolled; her mentee id. */
    static String participantMentee(int district) {
        String participant = RegistryApi.as(RegistryApi.admin()).body("{\"nationalCode\":\"" + NationalCodes.random()
            + "\",\"firstName\":\"سارا\",\"lastName\":\"کاظمی\",\"district\":" + district
            + "}").post("/api/registry/campaign-participants").then()
            .statusCode(201).extract().path("id");
        return RegistryApi.as(RegistryApi.admin()).body("{\"participantId\":\"" + participant + "\"}")
            .post("/api/registry/campaign/mentees").then().statusCode(201).extract().path("id");
    }

    @Test
    void theGeneratedListHoldsEveryOperationTheMatrixLimitsACaseworkerToHerOwnRecords() throws Exception {
        NeedToKnowProbe probe = new NeedToKnowProbe(root.toURI(), "q/openapi?format=json");
        List<NeedToKnowProbe.Operation> ops = probe.operationsOnAWoman();
        List<SecurityMatrix.Row> rows = new SecurityMatrix("registry", root.toURI(), SecurityMatrix.defaultFile())
            .rows();
        assertEquals(List.of(), NeedToKnowProbe.uncovered(ops, rows, "caseworker"),
            "operations the matrix marks own for a caseworker that the need-to-know run does not try");
        assertTrue(ops.stream().anyMatch(op -> op.holder() == NeedToKnowProbe.Holder.MENTEE
            && op.path().endsWith("/campaign/mentees/{id}/sessions")), "her campaign record is in the list");
    }

    @Test
    void aCaseworkerCannotTellAWomanOutsideHerDistrictsFromNobody() throws Exception {
        String caseworker = RegistryApi.caseworker("cw-need-to-know", 5);
        String elsewhere = RegistryApi.register(RegistryApi.admin(), "مریم", "احمدی", 7);
        String hersElsewhere = mentee(elsewhere);
        String participantElsewhere = participantMentee(7);
        NeedToKnowProbe probe = new NeedToKnowProbe(root.toURI(), "q/openapi?format=json");
        List<NeedToKnowProbe.Operation> ops = probe.operationsOnAWoman();
        assertTrue(ops.stream().anyMatch(op -> op.path().endsWith("/consents")), "consents are in the list");
        assertTrue(ops.size() > 30, "operations on a woman: " + ops.size());

        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (NeedToKnowProbe.Operation op : ops) {
            String nobody = UUID.randomUUID().toString();
            if (op.holder() == NeedToKnowProbe.Holder.MENTEE) {
                NeedToKnowProbe.Answer participant = probe.call(op, caseworker, participantElsewhere);
                NeedToKnowProbe.Answer none = probe.call(op, caseworker, nobody);
                wrong.addAll(NeedToKnowProbe.differences(op, participantElsewhere, participant, nobody, none)
                    .stream().map(w -> "a participant of district 7: " + w).toList());
            }
            String hidden = op.holder() == NeedToKnowProbe.Holder.MENTEE ? hersElsewhere : elsewhere;
            NeedToKnowProbe.Answer hiddenAnswer = probe.call(op, caseworker, hidden);
            NeedToKnowProbe.Answer unknown = probe.call(op, caseworker, nobody);
            wrong.addAll(NeedToKnowProbe.differences(op, hidden, hiddenAnswer, nobody, unknown));
            refused += hiddenAnswer.status() == 404 ? 1 : 0;
        }
        assertEquals(List.of(), wrong, "a woman of district 7, as a caseworker of district 5");
        assertTrue(refused > 30, "refused with 404: " + refused + " of " + ops.size());
    }

    @Test
    void aCaseworkerCannotTellTheCaseworkOfAnotherCaseworkersWomanFromNobody() throws Exception {
        String caseworker = RegistryApi.caseworker("cw-need-to-know", 5);
        String another = RegistryApi.register(RegistryApi.admin(), "فاطمه", "رضایی", 5);
        Women.assign(another, "cw-another");
        NeedToKnowProbe probe = new NeedToKnowProbe(root.toURI(), "q/openapi?format=json");
        List<NeedToKnowProbe.Operation> casework = probe.operationsOnAWoman().stream()
            .filter(op -> CASEWORK.matcher(op.path()).matches()).toList();
        Set<String> kinds = Set.of("/case", "/referrals", "/cohorts", "/placements", "/counselling", "/training",
            "/business-facilitation", "/release-cases");
        assertTrue(kinds.stream().allMatch(k -> casework.stream().anyMatch(op -> op.path().contains(k))),
            "casework operations: " + casework.stream().map(NeedToKnowProbe.Operation::id).toList());

        List<String> wrong = new ArrayList<>();
        for (NeedToKnowProbe.Operation op : casework) {
            String nobody = UUID.randomUUID().toString();
            NeedToKnowProbe.Answer hidden = probe.call(op, caseworker, another);
            NeedToKnowProbe.Answer unknown = probe.call(op, caseworker, nobody);
            wrong.addAll(NeedToKnowProbe.differences(op, another, hidden, nobody, unknown));
        }
        assertEquals(List.of(), wrong, "another caseworker's woman of district 5");
    }
}
