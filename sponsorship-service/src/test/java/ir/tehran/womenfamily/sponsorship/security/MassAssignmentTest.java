package ir.tehran.womenfamily.sponsorship.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.MassAssignment;
import ir.tehran.womenfamily.localstack.MassAssignment.Call;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Mass assignment (OWASP API3): no write operation of the sponsorship service lets a client set a field the
 * server owns (ids, status, who and when of creation, balances, enrolment and pledge states...). Generated
 * from this service's own OpenAPI document by {@link MassAssignment}: a request-shape check for every JSON
 * write operation, and a live check for every operation with a fixture here (a valid body plus every
 * server-owned and response-only field set to a recognisable value; neither the answer nor the record read
 * back may carry them; a 400 from the strict reader also passes). A new write operation fails the test until
 * it has a fixture or is listed in {@link #NO_FIXTURE_YET}.
 */
@QuarkusTest
class MassAssignmentTest {

    private static final String API = "/api/sponsorship";

    /** A gifted candidate's assessment. */
    private static final String ASSESSMENT = "{\"assessedOn\":\"" + RegistryFeed.today().minusDays(30)
        + "\",\"assessor\":\"مشاور\",\"scores\":{\"MATHEMATICS\":97,\"SCIENCES\":93},"
        + "\"giftedCandidate\":true}";

    /** Fields only the server sets. */
    private static final Set<String> SERVER_OWNED;

    static {
        Set<String> s = new HashSet<>(MassAssignment.COMMON_SERVER_OWNED);
        s.addAll(Set.of("confirmedAt", "releasedAt", "endedAt", "enrolledAt", "withdrawnAt", "completedAt",
            "receivedAt", "disbursedAt", "recordedAt", "recordedBy", "balanceRials", "receivedRials",
            "disbursedRials", "number"));
        SERVER_OWNED = Set.copyOf(s);
    }

    /** Fields the server derives when the request does not carry them. */
    private static final Set<String> DERIVED = Set.of("motherId", "programmeId", "benefactorId");

    /** No operation here exists to move a server-owned field. */
    private static final Map<String, Set<String>> ALLOWED = Map.of();

    /** JSON write operations not yet called with a fixture: still covered by the request-shape check. */
    private static final Set<String> NO_FIXTURE_YET = Set.of();

    @TestHTTPResource("/")
    URL root;

    private static String programme() {
        return "{\"kind\":\"SUMMER_COURSE\",\"title\":\"رباتیک\",\"minAge\":8,\"maxAge\":17,\"capacity\":20,"
            + "\"startsOn\":\"" + RegistryFeed.today().minusDays(7) + "\",\"endsOn\":\""
            + RegistryFeed.today().plusDays(60) + "\",\"plannedSessions\":4,\"district\":5}";
    }

    private static Map<String, Supplier<Call>> fixtures() {
        Map<String, Supplier<Call>> f = new LinkedHashMap<>();
        f.put("POST " + API + "/benefactors", () -> new Call(Tokens.officer(), API + "/benefactors",
            "{\"kind\":\"PERSON\",\"displayName\":\"نیکوکار آزمون\",\"preferences\":{\"minAge\":6}}", null,
            "location"));
        f.put("PUT " + API + "/benefactors/{id}/preferences", () -> {
            String b = API + "/benefactors/" + Sponsors.newBenefactor("نیکوکار آزمون", null);
            return new Call(Tokens.officer(), b + "/preferences", "{\"minAge\":7,\"maxAge\":12}", etag(b), b);
        });
        f.put("POST " + API + "/schools", () -> new Call(Tokens.officer(), API + "/schools",
            "{\"name\":\"مدرسهٔ آزمون\",\"kind\":\"GIFTED\",\"district\":5}", null, null));
        f.put("POST " + API + "/programmes", () -> new Call(Tokens.officer(), API + "/programmes", programme(), null,
            "location"));
        f.put("POST " + API + "/programmes/{id}/sessions", () -> {
            String p = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(programme())
                .post(API + "/programmes").then().statusCode(201).extract().path("id");
            return new Call(Tokens.officer(), API + "/programmes/" + p + "/sessions",
                "{\"heldOn\":\"" + RegistryFeed.today() + "\",\"topic\":\"آغاز\"}", null, null);
        });
        f.put("POST " + API + "/pledges", () -> new Call(Tokens.officer(), API + "/pledges", Sponsors.pledgeBody(
            Sponsors.newBenefactor("نیکوکار آزمون", null), RegistryFeed.newChild(11, "MALE", 5), "EDUCATION",
            "ONE_OFF", 1_000_000, null), null, "location"));
        f.put("POST " + API + "/pledges/{id}/receipts", () -> {
            String p = API + "/pledges/" + activePledge();
            return new Call(Tokens.officer(), p + "/receipts", "{\"amountRials\":500000}", null, p);
        });
        f.put("POST " + API + "/pledges/{id}/disbursements", () -> {
            UUID pledge = activePledge();
            Sponsors.receive(pledge, 1_000_000);
            String p = API + "/pledges/" + pledge;
            return new Call(Tokens.officer(), p + "/disbursements", "{\"amountRials\":100000,\"target\":\"FAMILY\"}",
                null, p);
        });
        f.put("POST " + API + "/release-fund/contributions", () -> new Call(Tokens.officer(),
            API + "/release-fund/contributions", "{\"benefactorId\":\"" + Sponsors.newBenefactor("نیکوکار آزادی", null)
                + "\",\"amountRials\":1000000}", null, "location"));
        f.put("POST " + API + "/pledges/{id}/end", () -> {
            String p = API + "/pledges/" + activePledge();
            return new Call(Tokens.officer(), p + "/end", "{\"reason\":\"SPONSOR_WITHDREW\"}", null, p);
        });
        f.put("POST " + API + "/programmes/{id}/enrolments", () -> {
            String p = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(programme())
                .post(API + "/programmes").then().statusCode(201).extract().path("id");
            return new Call(Tokens.officer(), API + "/programmes/" + p + "/enrolments", "{\"childId\":\""
                + RegistryFeed.newChild(11, "FEMALE", 5) + "\"}", null, null);
        });
        f.put("POST " + API + "/children/{childId}/assessments", () -> {
            String c = API + "/children/" + RegistryFeed.newChild(12, "FEMALE", 5);
            return new Call(Tokens.officer(), c + "/assessments", ASSESSMENT, null, c + "/assessments");
        });
        f.put("POST " + API + "/children/{childId}/school-applications", () -> {
            UUID child = giftedCandidate();
            return new Call(Tokens.officer(), API + "/children/" + child + "/school-applications",
                application(school()), null, "location");
        });
        f.put("POST " + API + "/school-applications/{id}/transitions", () -> {
            String a = API + "/school-applications/" + post(API + "/children/" + giftedCandidate()
                + "/school-applications", application(school()));
            return new Call(Tokens.officer(), a + "/transitions", "{\"to\":\"APPLIED\"}", null, a);
        });
        f.put("PUT " + API + "/children/{childId}/term-reports/{year}/{term}", () -> {
            String c = API + "/children/" + RegistryFeed.newChild(13, "FEMALE", 5) + "/term-reports";
            return new Call(Tokens.officer(), c + "/1403/1",
                "{\"grades\":{\"MATHEMATICS\":18,\"ENGLISH\":17.5},\"schoolDays\":100,\"absentDays\":2}",
                null, c);
        });
        f.put("POST " + API + "/enrolments/{id}/completion", () -> {
            String e = API + "/enrolments/" + enrolment(post(API + "/programmes", programme()));
            return new Call(Tokens.officer(), e + "/completion", "{\"outcome\":\"دوره را به پایان برد\"}", null,
                e);
        });
        f.put("PUT " + API + "/programmes/{id}/sessions/{number}/attendance", () -> {
            String p = API + "/programmes/" + post(API + "/programmes", programme());
            String e = enrolment(p.substring(p.lastIndexOf('/') + 1));
            post(p + "/sessions", "{\"heldOn\":\"" + RegistryFeed.today() + "\",\"topic\":\"آغاز\"}");
            return new Call(Tokens.officer(), p + "/sessions/1/attendance",
                "{\"present\":[\"" + e + "\"],\"absent\":[]}", etag(p + "/sessions/1"), API + "/enrolments/" + e);
        });
        f.put("POST " + API + "/matching/runs", () -> new Call(Tokens.officer(), API + "/matching/runs",
            "{\"requests\":[{\"sponsorId\":\"" + Sponsors.newBenefactor("نیکوکار آزمون", "{\"districts\":[11]}")
                + "\",\"terms\":{\"purpose\":\"EDUCATION\",\"schedule\":\"MONTHLY\",\"instalmentRials\":3000000,"
                + "\"months\":6}}]}", null, null));
        return f;
    }

    /** POSTs {@code body} as an officer and returns the new record's id. */
    private static String post(String path, String body) {
        return given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(body).post(path).then()
            .statusCode(201).extract().path("id").toString();
    }

    /** The ETag an officer reads at {@code path}, for an update's If-Match. */
    private static String etag(String path) {
        return given().auth().oauth2(Tokens.officer()).get(path).then().statusCode(200).extract().header("ETag");
    }

    private static String school() {
        return post(API + "/schools", "{\"name\":\"دبیرستان آزمون\",\"kind\":\"GIFTED\",\"district\":5}");
    }

    private static UUID giftedCandidate() {
        UUID child = RegistryFeed.newChild(12, "FEMALE", 5);
        post(API + "/children/" + child + "/assessments", ASSESSMENT);
        return child;
    }

    private static String application(String school) {
        return "{\"schoolId\":\"" + school + "\",\"academicYear\":1405,\"applicationDeadline\":\""
            + RegistryFeed.today().plusDays(10) + "\",\"examDate\":\"" + RegistryFeed.today().plusDays(20)
            + "\",\"feeRials\":3500000}";
    }

    /** A child enrolled in programme {@code programme}; returns the enrolment's id. */
    private static String enrolment(String programme) {
        return post(API + "/programmes/" + programme + "/enrolments", "{\"childId\":\""
            + RegistryFeed.newChild(11, "FEMALE", 5) + "\"}");
    }

    private static UUID activePledge() {
        return Sponsors.sponsor(Sponsors.newBenefactor("نیکوکار آزمون", null), RegistryFeed.newChild(11, "MALE", 5),
            "EDUCATION", 1_000_000);
    }

    @Test
    void noWriteOperationLetsAClientSetAServerOwnedField() throws Exception {
        List<String> failures = new MassAssignment(root.toURI(), SERVER_OWNED, DERIVED, ALLOWED, fixtures(),
            NO_FIXTURE_YET).verify();
        assertEquals(List.of(), failures, String.join("\n", failures));
    }
}
