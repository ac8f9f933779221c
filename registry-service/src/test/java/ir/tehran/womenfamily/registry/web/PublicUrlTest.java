package ir.tehran.womenfamily.registry.web;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.support.web.openapi.OpenApiChecks;
import org.junit.jupiter.api.Test;

/**
 * The URLs the service writes carry the address the client called through the gateway, which the gateway sends as
 * X-Forwarded-Proto and X-Forwarded-Host (the test client, on this machine, stands where the gateway does); and the
 * support library's operations served here (audit, event contract) keep the contract of the API document.
 */
@QuarkusTest
class PublicUrlTest {

    @Test
    void aCreatedWomansLocationIsUnderThePublicUrl() {
        RegistryApi.as(RegistryApi.admin())
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "women-family.example:8443")
            .body("{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"مریم\",\"lastName\":\"احمدی\","
                + "\"district\":5}")
            .post(RegistryApi.BENEFICIARIES)
            .then().statusCode(201)
            .header("Location", startsWith("https://women-family.example:8443/api/registry/beneficiaries/"));
    }

    @Test
    void theAsyncApiDocumentRefersToItsSchemasUnderThePublicUrl() {
        RegistryApi.as(RegistryApi.admin())
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "women-family.example")
            .get("/api/registry/asyncapi")
            .then().statusCode(200)
            .body(org.hamcrest.Matchers.containsString(
                "$ref: 'https://women-family.example/api/registry/asyncapi/schemas/beneficiary.registered.v1.json'"));
    }

    @Test
    void theSupportLibrarysOperationsAreNamedAndTyped() {
        String document = io.restassured.RestAssured.get("/q/openapi?format=json").then().statusCode(200)
            .extract().asString();
        assertEquals(List.of(), OpenApiChecks.violations(document,
            path -> path.startsWith("/api/registry/audit") || path.startsWith("/api/registry/asyncapi")));
    }
}
