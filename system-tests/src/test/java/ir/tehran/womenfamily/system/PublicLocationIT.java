package ir.tehran.womenfamily.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A create made through the gateway answers a {@code Location} on the host and port the client called (the
 * gateway's public address), never the address of the service behind it ({@code 127.0.0.1:<service port>}), and
 * no {@code X-Forwarded-*} or {@code Forwarded} header a client sends can move it elsewhere. The gateway is called
 * by the name {@code localhost} here, so that neither the host nor the port of the answer can come from the
 * service's own address by chance.
 */
@ExtendWith(SharedStack.class)
class PublicLocationIT {

    private static LocalStack stack;
    private static String publicBase;

    @BeforeAll
    static void start() {
        stack = SharedStack.stack();
        publicBase = "http://localhost:" + URI.create(stack.gatewayUrl()).getPort();
    }

    private static String token(String user) {
        return given().baseUri(publicBase).formParam("grant_type", "password").formParam("username", user)
            .formParam("password", stack.demoCredentials().password()).when().post("/oauth2/token")
            .then().statusCode(200).extract().path("access_token");
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(publicBase).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String woman() {
        return "{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"زهرا\",\"lastName\":\"کریمی\","
            + "\"district\":5}";
    }

    @Test
    void aCreateThroughTheGatewayAnswersTheGatewaysPublicUrl() {
        String caseworker = token("caseworker");
        var created = as(caseworker).body(woman()).when().post("/api/registry/beneficiaries")
            .then().statusCode(201).extract();
        String id = created.path("id");
        assertEquals(publicBase + "/api/registry/beneficiaries/" + id, created.header("Location"));
        // the URL answered is one the client can follow, through the gateway
        as(caseworker).when().get(created.header("Location")).then().statusCode(200);

        // the same in the bazaar service, behind its own internal address
        String code = "loc-" + UUID.randomUUID().toString().substring(0, 8);
        String occasion = as(token("admin"))
            .body("{\"code\":\"" + code + "\",\"nameFa\":\"جشن\",\"nameEn\":\"A feast\"}")
            .when().post("/api/bazaar/occasions").then().statusCode(201).extract().header("Location");
        assertEquals(publicBase + "/api/bazaar/occasions/" + code, occasion);
    }

    @Test
    void forwardingHeadersFromOutsideDoNotMoveTheLocation() {
        var created = as(token("caseworker"))
            .header("X-Forwarded-Host", "evil.example")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Port", "6666")
            .header("X-Forwarded-Prefix", "/evil")
            .header("X-Forwarded-Server", "evil.example")
            .header("Forwarded", "host=evil.example;proto=https;for=203.0.113.9")
            .body(woman()).when().post("/api/registry/beneficiaries")
            .then().statusCode(201).extract();
        assertEquals(publicBase + "/api/registry/beneficiaries/" + created.path("id"), created.header("Location"));
    }
}
