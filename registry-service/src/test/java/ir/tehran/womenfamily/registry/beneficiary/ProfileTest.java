package ir.tehran.womenfamily.registry.beneficiary;

import static ir.tehran.womenfamily.registry.RegistryApi.BENEFICIARIES;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProfileTest {

    private final String cw = RegistryApi.caseworker("cw-profile", 5);

    @Test
    void aFullProfileInPersianDigitsAndJalaliIsStoredCanonicallyAndShownInBothCalendars() {
        String id = RegistryApi.register(cw, "\"firstName\":\"زهرا\",\"lastName\":\"محمدي\",\"fatherName\":\"علی\","
            + "\"birthDate\":\"۱۳۶۴/۰۳/۱۱\",\"mobile\":\"۰۹۱۲ ۱۲۳ ۴۵۶۷\",\"postalCode\":\"۱۴۳۴۸-۴۳۱۱۱\","
            + "\"district\":5,\"address\":\"تهران، خیابان آزادی\",\"registrationChannel\":\"HOME_BUSINESS_CAMPAIGN\"");
        as(cw).get(BENEFICIARIES + "/" + id).then().statusCode(200)
            .body("lastName", equalTo("محمدی"))
            .body("birthDate", equalTo("1985-06-01"))
            .body("birthDateJalali", equalTo("1364-03-11"))
            .body("mobile", equalTo("+989121234567"))
            .body("postalCode", equalTo("1434843111"))
            .body("status", equalTo("APPLICANT"))
            .body("registrationChannel", equalTo("HOME_BUSINESS_CAMPAIGN"));
    }

    @Test
    void anIsoBirthDateIsShownInJalaliToo() {
        String id = RegistryApi.register(cw,
            "\"firstName\":\"مریم\",\"lastName\":\"کاظمی\",\"birthDate\":\"2024-03-06\"");
        as(cw).get(BENEFICIARIES + "/" + id).then().body("birthDateJalali", equalTo("1402-12-16"));
    }

    @Test
    void aDayThatDoesNotExistInEitherCalendarIsTheOneDateProblemOnItsField() {
        for (String noSuchDay : new String[] {"1403/12/31", "۱۴۰۳/۱۲/۳۱", "2025-02-30", "20250230"}) {
            as(cw).header("Accept-Language", "en")
                .body("{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"سارا\","
                    + "\"lastName\":\"نوری\",\"birthDate\":\"" + noSuchDay + "\"}")
                .post(BENEFICIARIES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://women-family.tehran.ir/problems/validation"))
                .body("errors[0].field", equalTo("birthDate"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("Write the date as Jalali"));
        }
    }

    @Test
    void aJalaliDateThatDoesNotExistIsA400OnItsField() {
        as(cw).body("{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"سارا\",\"lastName\":\"نوری\","
                + "\"birthDate\":\"1402-12-30\"}")
            .post(BENEFICIARIES).then().statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", hasItem("birthDate"));
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        as(cw).body("{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"سارا\",\"lastName\":\"نوری\","
                + "\"mobile\":\"12345\",\"postalCode\":\"12\"}")
            .post(BENEFICIARIES).then().statusCode(400)
            .body("errors.field", hasItems("mobile", "postalCode"));
        as(cw).body("{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"سارا\",\"lastName\":\"نوری\","
                + "\"district\":23}")
            .post(BENEFICIARIES).then().statusCode(400)
            .body("errors.field", hasItem("district"));
    }

    @Test
    void aPrisonReleaseChannelIsShownGeneralisedAsAnAgencyReferral() {
        String id = RegistryApi.register(cw, "\"firstName\":\"لیلا\",\"lastName\":\"رضایی\",\"district\":5,"
            + "\"registrationChannel\":\"PRISON_RELEASE\"");
        String body = as(cw).get(BENEFICIARIES + "/" + id).then().statusCode(200)
            .body("registrationChannel", equalTo("AGENCY_REFERRAL")).extract().asString();
        assertFalse(body.contains("PRISON"), body);
        RegistryApi.event("registry.beneficiary", id, "beneficiary.registered");
        RegistryApi.events("registry.beneficiary", id)
            .forEach(m -> assertFalse(m.value().contains("PRISON"), m.value()));
    }

    @Test
    void aDuplicateNationalCodeNamesTheExistingRecord() {
        String code = NationalCodes.random();
        String first = as(cw).body("{\"nationalCode\":\"" + code + "\",\"firstName\":\"نرگس\",\"lastName\":\"امینی\"}")
            .post(BENEFICIARIES).then().statusCode(201).extract().path("id");
        as(cw).body("{\"nationalCode\":\"" + NationalCodes.persian(code) + "\",\"firstName\":\"نرگس\","
                + "\"lastName\":\"امینی\"}")
            .post(BENEFICIARIES).then().statusCode(409)
            .body("existingId", equalTo(first));
    }

    @Test
    void aCaseworkerCannotRegisterInAnotherDistrictNorSeeItsWomen() {
        as(cw).body("{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"سارا\",\"lastName\":\"نوری\","
                + "\"district\":12}")
            .post(BENEFICIARIES).then().statusCode(400).body("errors.field", hasItem("district"));
        String id = RegistryApi.register(RegistryApi.admin(), "نسرین", "قاسمی", 12);
        as(cw).get(BENEFICIARIES + "/" + id).then().statusCode(404);
        as(RegistryApi.caseworker("cw-12", 12)).get(BENEFICIARIES + "/" + id).then().statusCode(200)
            .header("ETag", notNullValue());
    }
}
