package ir.tehran.womenfamily.registry.beneficiary;

import static ir.tehran.womenfamily.registry.RegistryApi.BENEFICIARIES;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchTest {

    @Test
    void oneWomanWrittenThreeWaysIsFoundByAnyOfThem() {
        String marker = "ک" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "ا");
        String cw = RegistryApi.caseworker("cw-search", 14);
        String id = RegistryApi.register(cw, "کبری", "محمدی‌نژاد" + marker, 14);
        for (String query : List.of("كبري محمدينژاد" + marker.replace('ک', 'ك'), "کبری محمدی نژاد" + marker,
                "محمدی‌نژاد" + marker)) {
            as(cw).queryParam("q", query).get(BENEFICIARIES).then().statusCode(200)
                .body("items.id", hasItem(id));
        }
    }

    @Test
    void aSpaceAZwnjOrNothingBetweenTwoWordsIsOneSpellingAndWordOrderDoesNotMatter() {
        String marker = "ک" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "ب");
        String cw = RegistryApi.caseworker("cw-words", 14);
        String spaced = RegistryApi.register(cw, "مهتاب", "صالحی نژاد" + marker, 14);
        for (String query : List.of("مهتاب صالحی‌نژاد" + marker, "صالحینژاد" + marker, "صالحی نژاد" + marker + " مهتاب",
                "صالح")) {
            as(cw).queryParam("q", query).queryParam("limit", 100).get(BENEFICIARIES).then().statusCode(200)
                .body("items.id", hasItem(spaced));
        }
        as(cw).queryParam("q", "ملیکا صالحینژاد" + marker).get(BENEFICIARIES).then().statusCode(200)
            .body("items.id", not(hasItem(spaced)));
    }

    @Test
    void namesContainingTheQueryComeFirstThenNearSpellingsAcrossPages() {
        String letters = "بپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی";
        java.util.Random random = new java.util.Random();
        StringBuilder marker = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            marker.append(letters.charAt(random.nextInt(letters.length())));
        }
        String cw = RegistryApi.caseworker("cw-phases", 13);
        String shorter = RegistryApi.register(cw, "ژاله", "تابانفر" + marker, 13);
        String longer = RegistryApi.register(cw, "ژاله", "تابان‌فر" + marker + "زاده", 13);
        String nearSpelling = RegistryApi.register(cw, "ژاله", "تابانپر" + marker, 13);
        List<String> order = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            var request = as(cw).queryParam("q", "ژاله تابان فر" + marker).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var body = request.get(BENEFICIARIES).then().statusCode(200).extract().jsonPath();
            order.addAll(body.getList("items.id"));
            cursor = body.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertEquals(List.of(shorter, longer, nearSpelling), order);
    }

    @Test
    void exactByNationalCodeInPersianDigitsAndByMobile() {
        String cw = RegistryApi.caseworker("cw-exact", 15);
        String code = NationalCodes.random();
        String mobile = "0935" + String.valueOf(1_000_000 + new java.util.Random().nextInt(8_999_999));
        String id = as(cw).body("{\"nationalCode\":\"" + code + "\",\"firstName\":\"هما\",\"lastName\":\"پاکزاد\","
                + "\"district\":15,\"mobile\":\"" + mobile + "\"}")
            .post(BENEFICIARIES).then().statusCode(201).extract().path("id");
        as(cw).queryParam("nationalCode", NationalCodes.persian(code)).get(BENEFICIARIES).then()
            .body("items", hasSize(1)).body("items[0].id", equalTo(id))
            .body("items[0].nationalCode", nullValue());
        as(cw).queryParam("mobile", "+98" + mobile.substring(1)).get(BENEFICIARIES).then()
            .body("items.id", hasItem(id));
        as(cw).queryParam("nationalCode", "123").get(BENEFICIARIES).then().statusCode(400)
            .body("errors.field", hasItem("nationalCode"));
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsAndThePageSizeIsCapped() {
        String cw = RegistryApi.caseworker("cw-pages", 16);
        for (int i = 0; i < 5; i++) {
            RegistryApi.register(cw, "پریسا", "نادری" + i, 16);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(cw).queryParam("district", 16).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(BENEFICIARIES).then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            ids.forEach(i -> assertFalse(!seen.add(i), "repeated " + i));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 20);
        assertEquals(5, seen.size());
        as(cw).queryParam("limit", 201).get(BENEFICIARIES).then().statusCode(400)
            .body("errors.field", hasItem("limit"));
        as(cw).queryParam("cursor", "!!!").get(BENEFICIARIES).then().statusCode(400);
        as(cw).queryParam("status", "SLEEPING").get(BENEFICIARIES).then().statusCode(400)
            .contentType("application/problem+json").body("errors.field", hasItem("status"));
        as(cw).queryParam("district", "twelve").get(BENEFICIARIES).then().statusCode(400)
            .body("errors.field", hasItem("district"));
    }

    @Test
    void aCaseworkerFindsOnlyHerDistricts() {
        String id = RegistryApi.register(RegistryApi.admin(), "شیرین", "بهرامی", 18);
        as(RegistryApi.caseworker("cw-other", 17)).queryParam("district", 18).get(BENEFICIARIES).then()
            .body("items.id", not(hasItem(id)));
        String found = as(RegistryApi.caseworker("cw-18", 18)).queryParam("district", 18).queryParam("limit", 100)
            .get(BENEFICIARIES).then().extract().path("items.find { it.id == '" + id + "' }.id");
        assertNotNull(found);
    }
}
