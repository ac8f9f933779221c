package ir.tehran.womenfamily.registry.business;

import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BusinessTest {

    private final String cw = RegistryApi.caseworker("cw-biz", 2);

    @Test
    void aWomansBusinessIsRegisteredChangedAndClosedAndTheBazaarHearsOfIt() {
        String owner = RegistryApi.register(cw, "فرشته", "ملکی", 2);
        String id = as(cw).body("{\"ownerBeneficiaryId\":\"" + owner + "\",\"name\":\"سفال فرشته\","
                + "\"category\":\"pottery\",\"products\":\"کاسه و بشقاب\"}")
            .post("/api/registry/businesses").then().statusCode(201)
            .body("categoryFa", equalTo("سفال")).body("district", equalTo(2))
            .body("ownerHeadsHousehold", equalTo(true)).extract().path("id");
        EventProbe.Message registered = RegistryApi.event("registry.business", id, "business.registered");
        assertEquals("pottery", JsonPath.from(registered.value()).getString("category"));
        assertFalse(registered.value().contains("فرشته"), registered.value());

        String etag = as(cw).get("/api/registry/businesses/" + id).then().extract().header("ETag");
        as(cw).header("If-Match", etag).body("{\"category\":\"handicrafts\"}").patch("/api/registry/businesses/" + id)
            .then().statusCode(200).body("category", equalTo("handicrafts"));
        RegistryApi.event("registry.business", id, "business.updated");
        as(cw).header("If-Match", etag).post("/api/registry/businesses/" + id + "/close").then().statusCode(412);
        String current = as(cw).get("/api/registry/businesses/" + id).then().extract().header("ETag");
        String closed = as(cw).header("If-Match", current).post("/api/registry/businesses/" + id + "/close").then()
            .statusCode(200).body("status", equalTo("CLOSED")).extract().header("ETag");
        RegistryApi.event("registry.business", id, "business.closed");
        as(cw).header("If-Match", closed).post("/api/registry/businesses/" + id + "/close").then().statusCode(409);
    }

    @Test
    void aCampaignParticipantWhoIsNotAHeadOfHouseholdCanOwnABusiness() {
        String participant = as(cw).body("{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"الهام\","
                + "\"lastName\":\"راد\",\"district\":2}")
            .post("/api/registry/campaign-participants").then().statusCode(201).extract().path("id");
        String id = as(cw).body("{\"ownerParticipantId\":\"" + participant + "\",\"name\":\"شمع الهام\","
                + "\"category\":\"CANDLES\"}")
            .post("/api/registry/businesses").then().statusCode(201)
            .body("ownerHeadsHousehold", equalTo(false)).extract().path("id");
        RegistryApi.event("registry.business", id, "business.registered");
    }

    @Test
    void exactlyOneOwnerAndAKnownCategory() {
        as(cw).body("{\"name\":\"x\",\"category\":\"pottery\"}").post("/api/registry/businesses")
            .then().statusCode(400).body("errors.field", hasItem("ownerBeneficiaryId"));
        String owner = RegistryApi.register(cw, "فرشته", "ملکی", 2);
        as(cw).body("{\"ownerBeneficiaryId\":\"" + owner + "\",\"name\":\"x\",\"category\":\"spaceships\"}")
            .post("/api/registry/businesses").then().statusCode(400)
            .body("errors.field", hasItem("category"));
    }
}
