package ir.tehran.womenfamily.registry.household;

import static ir.tehran.womenfamily.registry.RegistryApi.BENEFICIARIES;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HouseholdTest {

    private final String cw = RegistryApi.caseworker("cw-house", 4);

    @Test
    void childrenAreAddedChangedAndRemovedAndSponsorshipHearsOnlyWhatItNeeds() {
        String mother = RegistryApi.register(cw, "صدیقه", "کرمی", 4);
        String code = NationalCodes.random();
        String child = as(cw).body("{\"firstName\":\"علی\",\"lastName\":\"کرمی\",\"nationalCode\":\"" + code + "\","
                + "\"birthDate\":\"۱۳۹۵/۰۶/۱۵\",\"gender\":\"MALE\",\"grade\":3}")
            .post(BENEFICIARIES + "/" + mother + "/children")
            .then().statusCode(201).body("birthDate", equalTo("2016-09-05"))
            .body("birthDateJalali", equalTo("1395-06-15")).extract().path("id");

        EventProbe.Message added = RegistryApi.event("registry.child", child, "child.added");
        assertFalse(added.value().contains("علی") || added.value().contains("کرمی") || added.value().contains(code),
            added.value());
        assertEquals(mother, JsonPath.from(added.value()).getString("motherId"));
        assertEquals("ع", JsonPath.from(added.value()).getString("firstNameInitial"));

        String etag = as(cw).get(BENEFICIARIES + "/" + mother + "/children/" + child).then().extract().header("ETag");
        // a first name written with the Arabic kaf and a madda: the initial is folded, the name stays home
        as(cw).header("If-Match", etag).body("{\"grade\":4,\"firstName\":\"آ\u0643ام\"}")
            .patch(BENEFICIARIES + "/" + mother + "/children/" + child).then().statusCode(200)
            .body("grade", equalTo(4));
        EventProbe.Message updated = RegistryApi.event("registry.child", child, "child.updated");
        assertEquals("ا", JsonPath.from(updated.value()).getString("firstNameInitial"));
        assertFalse(updated.value().contains("کام"), updated.value());

        as(cw).body("{\"reason\":\"recorded in error\"}").delete(BENEFICIARIES + "/" + mother + "/children/" + child)
            .then().statusCode(204);
        RegistryApi.event("registry.child", child, "child.removed");
        as(cw).get(BENEFICIARIES + "/" + mother + "/children").then().body("items", hasSize(0));
    }

    @Test
    void aChildMustBeUnderTwentyAndGradesStayWithinSchool() {
        String mother = RegistryApi.register(cw, "پروین", "اکبری", 4);
        as(cw).body("{\"firstName\":\"رضا\",\"lastName\":\"اکبری\",\"birthDate\":\"1380-01-01\",\"gender\":\"MALE\"}")
            .post(BENEFICIARIES + "/" + mother + "/children").then().statusCode(400)
            .body("errors.field", hasItem("birthDate"));
        as(cw).body("{\"firstName\":\"رضا\",\"lastName\":\"اکبری\",\"birthDate\":\"1398-01-01\",\"gender\":\"MALE\","
                + "\"grade\":13}")
            .post(BENEFICIARIES + "/" + mother + "/children").then().statusCode(400)
            .body("errors.field", hasItem("grade"));
    }

    @Test
    void dependantsAreKeptToo() {
        String mother = RegistryApi.register(cw, "طاهره", "نیکو", 4);
        as(cw).body("{\"fullName\":\"حسن نیکو\",\"relation\":\"PARENT\",\"birthDate\":\"1320-05-01\"}")
            .post(BENEFICIARIES + "/" + mother + "/dependants").then().statusCode(201);
        as(cw).get(BENEFICIARIES + "/" + mother + "/dependants").then().body("items", hasSize(1))
            .body("items[0].birthDateJalali", equalTo("1320-05-01"));
    }

    @Test
    void anotherDistrictsHouseholdIsInvisible() {
        String mother = RegistryApi.register(cw, "زینب", "شریفی", 4);
        as(RegistryApi.caseworker("cw-far", 20)).get(BENEFICIARIES + "/" + mother + "/children")
            .then().statusCode(404);
    }
}
