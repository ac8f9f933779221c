package ir.tehran.womenfamily.registry.centre;

import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import org.junit.jupiter.api.Test;

/** Workshop centres: admins record and change them (audited), staff read them. */
@QuarkusTest
class CentreResourceTest {

    private static final String CENTRES = "/api/registry/workshop-centres";
    private static final String AUDITED = "workshop-centre";
    private static final String NAME = "مرکز کوثر یاسر";

    private final String admin = Women.admin("centre-keeper");

    @Test
    void anAdminRecordsACentreAndStaffReadIt() {
        String code = code();
        String id = as(admin).body(Map.of("code", code, "name", "مركز  كوثر ي", "district", 7, "capacity", 25,
                "builtYear", 1390))
            .post(CENTRES).then().statusCode(201)
            .body("code", equalTo(code)).body("name", equalTo("مرکز کوثر ی")).body("district", equalTo(7))
            .body("capacity", equalTo(25)).body("renovationState", equalTo("NOT_PLANNED"))
            .body("builtYear", equalTo(1390)).body("version", equalTo(0))
            .extract().path("id");

        as(RegistryApi.caseworker("reader", 7)).get(CENTRES + "/" + id).then().statusCode(200)
            .header("ETag", "\"0\"").body("code", equalTo(code));
        as(admin).queryParam("district", 7).queryParam("limit", 200).get(CENTRES).then().statusCode(200)
            .body("items.id", hasItem(id)).body("items.district", everyItem(equalTo(7)));
        as(admin).get(CENTRES + "/" + UUID.randomUUID()).then().statusCode(404);

        as(admin).body(Map.of("code", code, "name", "دیگری", "district", 8, "capacity", 5)).post(CENTRES).then()
            .statusCode(409);
        Women.audit(AUDITED, id).then().body("items.action", contains("workshop-centre.create"))
            .body("items[0].actor", equalTo("centre-keeper")).body("items[0].outcome", equalTo("SUCCESS"));
    }

    @Test
    void aChangeNeedsTheVersionReadKeepsAbsentFieldsAndIsAudited() {
        String id = centre(9);
        as(admin).body(Map.of("capacity", 40)).patch(CENTRES + "/" + id).then().statusCode(428);
        as(admin).header("If-Match", "\"3\"").body(Map.of("capacity", 40)).patch(CENTRES + "/" + id).then()
            .statusCode(412);

        as(admin).header("If-Match", "\"0\"").body(Map.of("capacity", 40, "renovationState", "PLANNED"))
            .patch(CENTRES + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
            .body("version", equalTo(1)).body("capacity", equalTo(40)).body("renovationState", equalTo("PLANNED"))
            .body("name", equalTo(NAME)).body("district", equalTo(9));
        as(admin).header("If-Match", "\"0\"").body(Map.of("name", "دیر")).patch(CENTRES + "/" + id).then()
            .statusCode(412);
        as(admin).get(CENTRES + "/" + id).then().header("ETag", "\"1\"").body("capacity", equalTo(40));

        // one entry per committed write, newest first; the refused changes recorded nothing
        Women.audit(AUDITED, id).then().body("items", hasSize(2))
            .body("items.action", equalTo(List.of("workshop-centre.update", "workshop-centre.create")));
    }

    @Test
    void onlyAdminsWrite() {
        String id = centre(10);
        as(RegistryApi.caseworker("cw", 10)).body(Map.of("code", code(), "name", "x", "district", 10,
            "capacity", 1)).post(CENTRES).then().statusCode(403);
        as(RegistryApi.caseworker("cw", 10)).header("If-Match", "\"0\"").body(Map.of("capacity", 2))
            .patch(CENTRES + "/" + id).then().statusCode(403);
        Women.audit(AUDITED, id).then().body("items", hasSize(1));
    }

    private String centre(int district) {
        return as(admin).body(Map.of("code", code(), "name", NAME, "district", district, "capacity", 30))
            .post(CENTRES).then().statusCode(201).extract().path("id");
    }

    private static String code() {
        return "C-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
