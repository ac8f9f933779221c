package ir.tehran.womenfamily.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The aggregated API document, with the fake registry's document merged in and the others down. */
@QuarkusTest
class OpenApiTest {

    @Test
    void mergesTheGatewaysAndTheServicesPaths() {
        given().when().get("/openapi")
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .body("openapi", notNullValue())
            .body("info.title", equalTo("Women and Family Affairs API"))
            .body("paths", hasKey("/oauth2/token"))
            .body("paths", hasKey("/.well-known/openid-configuration"))
            .body("paths", hasKey("/api/registry/people"))
            .body("components.schemas", hasKey("Person"))
            .body("components.securitySchemes.keySet()", equalTo(java.util.Set.of("bearer", "oauth2")))
            .body("servers.url", equalTo(List.of("/")))
            .body("tags.name", hasItems("OAuth 2", "People"))
            .body("x-unavailable-services", equalTo(List.of("bazaar", "notification", "sponsorship")));
    }

    @Test
    void clashingSchemaIsRenamedAndItsReferencesFollow() {
        given().when().get("/openapi")
            .then()
            .statusCode(200)
            .body("components.schemas.TokenError.properties", hasKey("error"))
            .body("components.schemas.RegistryTokenError.properties",
                hasKey("registryOnly"))
            .body("paths.'/api/registry/people'.get.responses.'400'.content.'application/json'.schema.'$ref'",
                equalTo("#/components/schemas/RegistryTokenError"))
            .body("paths.'/api/registry/people'.get.responses.'200'.content.'application/json'.schema.items.'$ref'",
                equalTo("#/components/schemas/Person"))
            .body("paths.'/api/registry/people'.get.security[0]", hasKey("bearer"))
            .body("security", not(hasItem(hasKey("bearer"))));
    }

    @Test
    void yamlOnRequest() {
        given().queryParam("format", "yaml").when().get("/openapi")
            .then()
            .statusCode(200)
            .contentType(containsString("yaml"))
            .body(containsString("/api/registry/people:"))
            .body(containsString("x-unavailable-services:"));
    }

    @Test
    void swaggerUiOffersTheAggregatedDocument() {
        given().when().get("/q/swagger-ui/")
            .then()
            .statusCode(200)
            .body(containsString("\"/openapi\""))
            .body(containsString("\"/q/openapi\""));
    }
}
