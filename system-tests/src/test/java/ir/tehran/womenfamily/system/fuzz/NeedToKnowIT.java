package ir.tehran.womenfamily.system.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.localstack.NeedToKnowProbe;
import ir.tehran.womenfamily.localstack.SecurityMatrix;
import ir.tehran.womenfamily.system.NationalCodes;
import ir.tehran.womenfamily.system.SharedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile need-to-know run, end to end: every operation of the gateway's aggregated OpenAPI that takes a
 * woman's id (see {@link NeedToKnowProbe}), sent through the gateway by the demo caseworker (district 5) with
 * the token the gateway gave her, for a woman of district 7, and, for her casework and sensitive facts, for a
 * woman of district 5 whose case is another caseworker's. Operations that name her campaign record (a mentee
 * id) are called with the mentee id of the woman of district 7. Every refused cell is a 404 problem whose body
 * is the one an id nobody has gets, but for the id, the instance and the request id; a function-level refusal
 * (403) must be the same for both too. Every operation the security matrix marks {@code own} for a caseworker
 * that names a record in its path must be in the list.
 */
@ExtendWith(SharedStack.class)
class NeedToKnowIT {

    /** Her casework (case, assignments, referrals) and sensitive facts (notes, cohorts, placements). */
    static final Pattern CASEWORK = Pattern.compile(".*/beneficiaries/\\{[^}]+}/(case|referrals|cohorts|placements)"
        + "(/.*)?");

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = SharedStack.stack();
    }

    @Test
    void theCaseworkerOfDistrict5CannotTellOtherWomenFromNobody() throws Exception {
        String admin = token("admin");
        String caseworker = token("caseworker");
        String elsewhere = register(admin, 7);
        String hersElsewhere = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
            .body(Map.of("beneficiaryId", elsewhere)).when().post("/api/registry/campaign/mentees")
            .then().statusCode(201).extract().path("id");
        String anothers = register(admin, 5);
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
            .body(Map.of("assignee", "another-caseworker"))
            .when().put("/api/registry/beneficiaries/" + anothers + "/case/assignee")
            .then().statusCode(200);

        NeedToKnowProbe probe = new NeedToKnowProbe(URI.create(stack.gatewayUrl() + "/"), "openapi");
        List<NeedToKnowProbe.Operation> ops = probe.operationsOnAWoman();
        assertTrue(ops.stream().anyMatch(op -> op.path().endsWith("/beneficiaries/{id}/consents")),
            "consents are in the list: " + ops.stream().map(NeedToKnowProbe.Operation::id).toList());
        List<SecurityMatrix.Row> rows = new SecurityMatrix("registry", URI.create(stack.gatewayUrl() + "/"),
            SecurityMatrix.defaultFile()).rows();
        assertEquals(List.of(), NeedToKnowProbe.uncovered(ops, rows, "caseworker"),
            "operations the matrix marks own for a caseworker that this run does not try");
        int mentee = 0;
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        int casework = 0;
        for (NeedToKnowProbe.Operation op : ops) {
            String nobody = UUID.randomUUID().toString();
            NeedToKnowProbe.Answer unknown = probe.call(op, caseworker, nobody);
            String hiddenId = op.holder() == NeedToKnowProbe.Holder.MENTEE ? hersElsewhere : elsewhere;
            mentee += op.holder() == NeedToKnowProbe.Holder.MENTEE ? 1 : 0;
            NeedToKnowProbe.Answer hidden = probe.call(op, caseworker, hiddenId);
            wrong.addAll(NeedToKnowProbe.differences(op, hiddenId, hidden, nobody, unknown));
            refused += hidden.status() == 404 ? 1 : 0;
            if (CASEWORK.matcher(op.path()).matches()) {
                casework++;
                NeedToKnowProbe.Answer assigned = probe.call(op, caseworker, anothers);
                wrong.addAll(NeedToKnowProbe.differences(op, anothers, assigned, nobody, unknown).stream()
                    .map(w -> "another caseworker's woman: " + w).toList());
            }
        }
        System.out.printf("need to know: %d operations on a woman (%d on her campaign record), %d refused with "
            + "404, %d casework operations tried on another caseworker's woman%n", ops.size(), mentee, refused,
            casework);
        assertEquals(List.of(), wrong, "the demo caseworker of district 5, through the gateway");
        assertTrue(refused > 30, "refused with 404: " + refused + " of " + ops.size());
        assertTrue(casework > 15, "casework operations: " + casework);
        assertTrue(mentee >= 5, "operations on her campaign record: " + mentee);
    }

    private static String register(String admin, int district) {
        return given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
            .body(Map.of("nationalCode", NationalCodes.random(), "firstName", "نرگس", "lastName", "کریمی",
                "district", district))
            .when().post("/api/registry/beneficiaries")
            .then().statusCode(201).extract().path("id");
    }

    private static String token(String user) {
        return given().baseUri(stack.gatewayUrl())
            .formParam("grant_type", "password")
            .formParam("username", user)
            .formParam("password", stack.demoCredentials().password())
            .when().post("/oauth2/token")
            .then().statusCode(200)
            .extract().path("access_token");
    }
}
