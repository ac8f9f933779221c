package ir.tehran.womenfamily.registry;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import ir.tehran.womenfamily.localstack.TestTokens;

/**
 * Test data and callers for the casework and sensitive resources: women registered through the real
 * API, tokens for caseworkers, admins and agencies, and reading the audit log back.
 */
public final class Women {

    public static final String BASE = "/api/registry/beneficiaries/";

    private Women() {
    }

    public static String caseworker(String username) {
        return TestTokens.token().subject(username).groups("caseworker").claim("districts", List.of(5)).sign();
    }

    public static String admin(String username) {
        return TestTokens.forRoles(username, "admin");
    }

    public static String agency(String client) {
        return TestTokens.token().subject(client).clientId(client).groups("agency").sign();
    }

    /** Registers a woman of district 5 (the district of {@link #caseworker}) through POST /beneficiaries. */
    public static String register() {
        return register(NationalCodes.random());
    }

    public static String register(String nationalCode) {
        return given().auth().oauth2(caseworker("registrar")).contentType(ContentType.JSON)
            .body("{\"nationalCode\":\"" + nationalCode + "\",\"firstName\":\"زهرا\",\"lastName\":\"محمدی\","
                + "\"district\":5}")
            .when().post("/api/registry/beneficiaries")
            .then().statusCode(201).extract().path("id");
    }

    /** Registers a woman and assigns her case to {@code caseworker}; returns her id. */
    public static String registerWithCase(String caseworker) {
        String id = register();
        assign(id, caseworker);
        return id;
    }

    /** Assigns her case, opening it if she has none (a reassignment sends the case's ETag in If-Match). */
    public static void assign(String id, String caseworker) {
        Response current = given().auth().oauth2(admin("supervisor")).when().get(BASE + id + "/case");
        var request = given().auth().oauth2(admin("supervisor")).contentType(ContentType.JSON);
        if (current.statusCode() == 200) {
            request.header("If-Match", current.header("ETag"));
        }
        request.body(Map.of("assignee", caseworker))
            .when().put(BASE + id + "/case/assignee")
            .then().statusCode(200);
    }

    /** The audit entries of one woman's resource, newest first. */
    public static Response audit(String resourceType, String id) {
        return given().auth().oauth2(admin("auditor")).queryParam("resourceType", resourceType)
            .queryParam("resourceId", id).queryParam("limit", 50)
            .when().get("/api/registry/audit")
            .then().statusCode(200).extract().response();
    }
}
