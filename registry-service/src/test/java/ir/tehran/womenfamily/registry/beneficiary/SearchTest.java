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

    /** Six letters that no folding touches, so a woman named with them is found by her own test alone. */
    private static String marker() {
        String letters = "بپجچخدرژشفکگلمنوی";
        java.util.Random random = new java.util.Random();
        StringBuilder marker = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            marker.append(letters.charAt(random.nextInt(letters.length())));
        }
        return marker.toString();
    }

    /**
     * What a clerk types, against the woman she means: letters that sound alike (ز ذ ض ظ; س ص ث; ت ط; ه ح; ق غ;
     * ا and ع at the start of a word), a keyboard neighbour, a letter left out, a letter doubled. Each time the
     * woman whose name is spelt as typed comes first and the woman meant right after her.
     */
    @Test
    void eachMisspellingAClerkMakesFindsTheWomanMeantRightBelowTheSpellingAsTyped() {
        String cw = RegistryApi.caseworker("cw-slips", 14);
        List<List<String>> typedAndMeant = List.of(List.of("ذهره", "زهره"), List.of("ضیبا", "زیبا"),
            List.of("ظریفه", "زریفه"), List.of("سدیقه", "صدیقه"), List.of("سریا", "ثریا"), List.of("تاهره", "طاهره"),
            List.of("مهبوبه", "محبوبه"), List.of("قزاله", "غزاله"), List.of("اذرا", "عذرا"),
            List.of("مرین", "مریم"), List.of("رپیا", "رویا"), List.of("فرشه", "فرشته"), List.of("مرم", "مریم"),
            List.of("نسررین", "نسرین"));
        List<String> wrong = new java.util.ArrayList<>();
        for (List<String> pair : typedAndMeant) {
            String marker = marker();
            String typed = RegistryApi.register(cw, pair.get(0), marker, 14);
            String meant = RegistryApi.register(cw, pair.get(1), marker, 14);
            List<String> found = as(cw).queryParam("q", pair.get(0) + " " + marker).queryParam("limit", 10)
                .get(BENEFICIARIES).then().statusCode(200).extract().jsonPath().getList("items.id");
            if (!found.equals(List.of(typed, meant))) {
                wrong.add(pair + ": " + found + " for " + List.of(typed, meant));
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * The tiers in their order, one woman to a page: the spelling as typed and the one the folding makes
     * equal to it (teh marbuta), then the one that sounds alike, then the one a keyboard slip away, then the one
     * only near in trigrams.
     */
    @Test
    void theExactAndFoldedSpellingsComeFirstThenTheSoundAlikeThenTheSlipThenTheFuzzy() {
        String marker = marker();
        String cw = RegistryApi.caseworker("cw-tiers", 14);
        String exact = RegistryApi.register(cw, "صدیقه", marker, 14);
        String folded = RegistryApi.register(cw, "صدیقة", marker, 14);
        String sound = RegistryApi.register(cw, "سدیقه", marker, 14);
        String slip = RegistryApi.register(cw, "صدیفه", marker, 14);
        String fuzzy = RegistryApi.register(cw, "صدیقاهی", marker, 14);
        List<String> order = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            var request = as(cw).queryParam("q", "صدیقه " + marker).queryParam("limit", 1);
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
        assertEquals(5, order.size(), order::toString);
        assertEquals(Set.of(exact, folded), Set.copyOf(order.subList(0, 2)));
        assertEquals(List.of(sound, slip, fuzzy), order.subList(2, 5));
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

    /**
     * The search lists exactly the women whose profile the caseworker may open (the one rule of
     * {@code WomanAccess}): one assigned to her outside her districts is found by name, by national code and
     * in the plain list; another woman of that district is not found, not counted in the name search's
     * pages and not behind a further page.
     */
    @Test
    void aCaseworkerFindsTheWomanAssignedToHerOutsideHerDistrictsAndNoOtherThere() {
        String letters = "بپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی";
        java.util.Random random = new java.util.Random();
        StringBuilder marker = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            marker.append(letters.charAt(random.nextInt(letters.length())));
        }
        String name = "cw-across-" + UUID.randomUUID().toString().substring(0, 8);
        String cw = RegistryApi.caseworker(name, 5);
        String assignedCode = NationalCodes.random();
        String otherCode = NationalCodes.random();
        String assigned = registerIn7(assignedCode, "دلاوری" + marker);
        String other = registerIn7(otherCode, "دلاوری" + marker);
        ir.tehran.womenfamily.registry.Women.assign(assigned, name);

        // the profile: hers opens, the other's is a 404
        as(cw).get(BENEFICIARIES + "/" + assigned).then().statusCode(200);
        as(cw).get(BENEFICIARIES + "/" + other).then().statusCode(404);

        // by name, one to a page: she alone, and no further page that would betray the other
        as(cw).queryParam("q", "نسرین دلاوری" + marker).queryParam("limit", 1).get(BENEFICIARIES).then()
            .statusCode(200).body("items.id", equalTo(List.of(assigned))).body("nextCursor", nullValue());
        // a part of the name (the second tier, counted when the first runs short): still she alone
        as(cw).queryParam("q", "دلاوری" + marker.substring(0, 4)).queryParam("limit", 100).get(BENEFICIARIES).then()
            .statusCode(200).body("items.id", hasItem(assigned)).body("items.id", not(hasItem(other)));
        // by national code: hers is found, the other's is not
        as(cw).queryParam("nationalCode", assignedCode).get(BENEFICIARIES).then().statusCode(200)
            .body("items.id", equalTo(List.of(assigned)));
        as(cw).queryParam("nationalCode", otherCode).get(BENEFICIARIES).then().statusCode(200)
            .body("items", hasSize(0)).body("nextCursor", nullValue());
        // the plain list of district 7: she alone, one page
        as(cw).queryParam("district", 7).queryParam("limit", 1).get(BENEFICIARIES).then().statusCode(200)
            .body("items.id", equalTo(List.of(assigned))).body("nextCursor", nullValue());

        // another caseworker of district 5, to whom neither is assigned, finds neither
        String stranger = RegistryApi.caseworker("cw-stranger-" + UUID.randomUUID().toString().substring(0, 8), 5);
        as(stranger).queryParam("q", "نسرین دلاوری" + marker).get(BENEFICIARIES).then().statusCode(200)
            .body("items", hasSize(0)).body("nextCursor", nullValue());
        as(stranger).queryParam("nationalCode", assignedCode).get(BENEFICIARIES).then().statusCode(200)
            .body("items", hasSize(0));
    }

    /** Registers (as an admin) a woman of district 7 with this national code and last name; her id. */
    private static String registerIn7(String nationalCode, String lastName) {
        return as(RegistryApi.admin()).body("{\"nationalCode\":\"" + nationalCode + "\",\"firstName\":\"نسرین\","
            + "\"lastName\":\"" + lastName + "\",\"district\":7}").post(BENEFICIARIES).then().statusCode(201)
            .extract().path("id");
    }
}
