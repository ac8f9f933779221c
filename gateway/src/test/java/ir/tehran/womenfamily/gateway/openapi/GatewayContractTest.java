package ir.tehran.womenfamily.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.support.web.openapi.OpenApiChecks;
import org.junit.jupiter.api.Test;

/** The gateway's own operations keep the contract: named in camelCase, once, and every answer typed. */
@QuarkusTest
class GatewayContractTest {

    @Test
    void everyOperationHasAnIdAndTypedResponses() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertEquals(List.of(), OpenApiChecks.violations(document));
    }
}
