package ir.tehran.womenfamily.registry.casework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.Women;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseResourceTest {

    private static final String REASON = "court order for the family reunion hearing";

    private static String note(String text) {
        return "{\"text\":\"" + text + "\"}";
    }

    @Test
    void anAdminAssignsAndReassignsACaseKeepingItsHistory() {
        String id = Women.register();
        given().auth().oauth2(Women.admin("head")).contentType(ContentType.JSON)
            .body(Map.of("assignee", "s.ahmadi", "kind", "COUNSELLOR"))
            .when().put(Women.BASE + id + "/case/assignee")
            .then().statusCode(200)
            .body("assignedTo", equalTo("s.ahmadi"))
            .body("assigneeKind", equalTo("COUNSELLOR"))
            .body("openedBy", equalTo("head"))
            .body("assignedOnJalali", notNullValue());
        Women.assign(id, "m.karimi");

        given().auth().oauth2(Women.caseworker("m.karimi")).when().get(Women.BASE + id + "/case")
            .then().statusCode(200)
            .body("assignedTo", equalTo("m.karimi"))
            .body("assigneeKind", equalTo("CASEWORKER"))
            .body("assignments", hasSize(2))
            .body("assignments[0].assignedTo", equalTo("m.karimi"))
            .body("assignments[1].assignedTo", equalTo("s.ahmadi"));
        given().auth().oauth2(Women.admin("head")).when().get(Women.BASE + id + "/case")
            .then().statusCode(200);
        Women.audit("beneficiary.case", id).then().body("items.action", hasItem("case.assign"));
    }

    @Test
    void thePreviousCaseworkerAndOthersGet404() {
        String id = Women.registerWithCase("first.cw");
        Women.assign(id, "second.cw");
        given().auth().oauth2(Women.caseworker("first.cw")).when().get(Women.BASE + id + "/case")
            .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Women.caseworker("first.cw")).when().get(Women.BASE + id + "/case/notes")
            .then().statusCode(404);
        String withoutCase = Women.register();
        given().auth().oauth2(Women.admin("head")).when().get(Women.BASE + withoutCase + "/case")
            .then().statusCode(404);
    }

    @Test
    void onlyAdminsAssignAndTheAssigneeIsChecked() {
        String id = Women.register();
        given().auth().oauth2(Women.caseworker("cw")).contentType(ContentType.JSON)
            .body(Map.of("assignee", "cw"))
            .when().put(Women.BASE + id + "/case/assignee")
            .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Women.admin("head")).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(Map.of("assignee", "not a username"))
            .when().put(Women.BASE + id + "/case/assignee")
            .then().statusCode(400).body("errors.field", hasItem("assignee"));
        given().auth().oauth2(Women.admin("head")).contentType(ContentType.JSON)
            .body(Map.of("assignee", "cw"))
            .when().put(Women.BASE + UUID.randomUUID() + "/case/assignee")
            .then().statusCode(404);
        given().when().get(Women.BASE + id + "/case").then().statusCode(401);
    }

    @Test
    void theAssignedCaseworkerWritesAndReadsNotesThatAppearNowhereElse() {
        String id = Women.registerWithCase("notes.cw");
        given().auth().oauth2(Women.caseworker("notes.cw")).contentType(ContentType.JSON)
            .body(note("خانواده پس از یازده سال دوباره دیدار کردند"))
            .when().post(Women.BASE + id + "/case/notes")
            .then().statusCode(201)
            .body("writtenBy", equalTo("notes.cw"))
            .body("writtenOnJalali", notNullValue());

        given().auth().oauth2(Women.caseworker("notes.cw")).when().get(Women.BASE + id + "/case/notes")
            .then().statusCode(200)
            .body("items", hasSize(1))
            .body("items[0].text", equalTo("خانواده پس از یازده سال دوباره دیدار کردند"));
        given().auth().oauth2(Women.caseworker("notes.cw")).when().get(Women.BASE + id + "/case")
            .then().statusCode(200).body(not(org.hamcrest.Matchers.containsString("یازده")));
        given().auth().oauth2(Women.admin("head")).when().get(Women.BASE + id)
            .then().statusCode(200).body(not(org.hamcrest.Matchers.containsString("یازده")));
        Women.audit("beneficiary.case-notes", id).then()
            .body("items.action", hasItem("case-note.add"))
            .body("items.action", hasItem("case-note.list"))
            .body(not(org.hamcrest.Matchers.containsString("یازده")));
    }

    @Test
    void notesNeedBreakGlassForAdminsAndANonEmptyText() {
        String id = Women.registerWithCase("notes2.cw");
        given().auth().oauth2(Women.admin("head")).header("Accept-Language", "en")
            .when().get(Women.BASE + id + "/case/notes")
            .then().statusCode(400).body("errors.field", hasItem("X-Break-Glass-Reason"));
        given().auth().oauth2(Women.admin("head")).header("X-Break-Glass-Reason", REASON)
            .when().get(Women.BASE + id + "/case/notes")
            .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(Women.caseworker("notes2.cw")).contentType(ContentType.JSON)
            .header("Accept-Language", "en").body(note(" "))
            .when().post(Women.BASE + id + "/case/notes")
            .then().statusCode(400).body("errors.field", hasItem("text"));
        given().auth().oauth2(TestTokens.forRoles("sponsor-1", "sponsor")).when().get(Women.BASE + id + "/case/notes")
            .then().statusCode(403);
    }

    @Test
    void aNoteNeedsACase() {
        String id = Women.register();
        given().auth().oauth2(Women.admin("head")).header("X-Break-Glass-Reason", REASON)
            .contentType(ContentType.JSON).body(note("یادداشت"))
            .when().post(Women.BASE + id + "/case/notes")
            .then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/case-required"));
    }
}
