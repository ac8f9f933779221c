package ir.tehran.womenfamily.bazaar.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.bazaar.TestData;
import ir.tehran.womenfamily.localstack.MassAssignment;
import ir.tehran.womenfamily.localstack.MassAssignment.Call;
import org.junit.jupiter.api.Test;

/**
 * Mass assignment (OWASP API3): no write operation of the bazaar service lets a client set a field the server
 * owns (ids, status, who and when of creation, series and history markers, scores, assignment states...).
 * Generated from this service's own OpenAPI document by {@link MassAssignment}: a request-shape check for
 * every JSON write operation, and a live check for every operation with a fixture here (a valid body plus
 * every server-owned and response-only field set to a recognisable value; neither the answer nor the record
 * read back may carry them; a 400 from the strict reader also passes). A new write operation fails the test
 * until it has a fixture or is listed in {@link #NO_FIXTURE_YET}.
 */
@QuarkusTest
class MassAssignmentTest {

    private static final String API = "/api/bazaar";

    /** Fields only the server sets. */
    private static final Set<String> SERVER_OWNED;

    static {
        Set<String> s = new HashSet<>(MassAssignment.COMMON_SERVER_OWNED);
        s.addAll(Set.of("seriesId", "historical", "submittedAt", "withdrawnAt", "reportedAt", "reportedBy",
            "score", "priority", "publishedAt", "confirmedAt", "totalStallDays"));
        SERVER_OWNED = Set.copyOf(s);
    }

    /** Fields the server derives when the request does not carry them. */
    private static final Set<String> DERIVED = Set.of("bazaarId", "district", "category");

    /** No operation here exists to move a server-owned field (a transition names its target as "to"). */
    private static final Map<String, Set<String>> ALLOWED = Map.of();

    /** JSON write operations not yet called with a fixture: still covered by the request-shape check. */
    private static final Set<String> NO_FIXTURE_YET = Set.of();

    @TestHTTPResource("/")
    URL root;

    private static String venueBody() {
        String code = "mass-" + UUID.randomUUID().toString().substring(0, 8);
        return "{\"code\":\"" + code + "\",\"kind\":\"OTHER\",\"nameFa\":\"محل آزمون\",\"nameEn\":\"Test venue\","
            + "\"district\":4,\"latitude\":35.71,\"longitude\":51.4,\"areaM2\":60,\"stallTypes\":[{\"code\":"
            + "\"standard\",\"sizeM2\":6,\"count\":2,\"power\":false,\"cooking\":false,\"shelter\":true}]}";
    }

    private static String bazaarBody(LocalDate start, String venue) {
        return "{\"kind\":\"MONTHLY\",\"nameFa\":\"بازارچهٔ آزمون\",\"nameEn\":\"Test bazaar\",\"startDate\":\""
            + start + "\",\"endDate\":\"" + start + "\",\"applicationsOpen\":\"" + TestData.today()
            + "\",\"applicationsClose\":\"" + start.minusDays(1) + "\",\"venues\":[{\"venueId\":\"" + venue + "\"}]}";
    }

    private static LocalDate day() {
        return TestData.today().plusDays(500);
    }

    private static Map<String, Supplier<Call>> fixtures() {
        Map<String, Supplier<Call>> f = new LinkedHashMap<>();
        String b = API + "/bazaars";
        f.put("POST " + API + "/venues", () -> new Call(TestData.coordinator(), API + "/venues", venueBody(), null,
            "location"));
        f.put("POST " + b, () -> new Call(TestData.coordinator(), b, bazaarBody(day(), TestData.venue(2, 0, 0, 4)),
            null, "location"));
        f.put("POST " + b + "/occasions", () -> new Call(TestData.admin(), b + "/occasions", "{\"code\":\"mass-"
            + UUID.randomUUID().toString().substring(0, 8) + "\",\"nameFa\":\"مناسبت آزمون\",\"nameEn\":\"Test\"}",
            null, null));
        f.put("POST " + API + "/occasions", () -> new Call(TestData.admin(), API + "/occasions", "{\"code\":\"mass-"
            + UUID.randomUUID().toString().substring(0, 8) + "\",\"nameFa\":\"مناسبت آزمون\",\"nameEn\":\"Test\"}",
            null, null));
        f.put("POST " + b + "/{id}/transitions", () -> {
            String id = TestData.bazaar("MONTHLY", day(), 1, List.of(TestData.venue(2, 0, 0, 4)));
            return new Call(TestData.coordinator(), b + "/" + id + "/transitions", "{\"to\":\"OPEN\"}", null,
                b + "/" + id);
        });
        f.put("PUT " + b + "/{id}/venues/{venueId}", () -> {
            String venue = TestData.venue(2, 0, 0, 4);
            String id = TestData.bazaar("MONTHLY", day(), 1, List.of(TestData.venue(2, 0, 0, 4)));
            return new Call(TestData.coordinator(), b + "/" + id + "/venues/" + venue, "{\"stallsPerDay\":2}",
                TestData.etag(id), b + "/" + id);
        });
        f.put("POST " + b + "/{bazaarId}/applications", () -> {
            String venue = TestData.venue(2, 0, 0, 4);
            String id = TestData.bazaar("MONTHLY", day(), 1, List.of(venue));
            TestData.move(id, "OPEN");
            UUID business = TestData.registeredBusiness("pottery", 4, true);
            return new Call(TestData.producer(business), b + "/" + id + "/applications", "{\"businessId\":\""
                + business + "\",\"venuePreferences\":[\"" + venue + "\"],\"days\":[\"" + day() + "\"],\"stalls\":1}",
                null, "location");
        });
        f.put("POST " + b + "/{bazaarId}/allocations", () -> {
            String id = TestData.bazaar("MONTHLY", day(), 1, List.of(TestData.venue(2, 0, 0, 4)));
            TestData.move(id, "OPEN");
            TestData.move(id, "ALLOCATING");
            return new Call(TestData.coordinator(), b + "/" + id + "/allocations",
                "{\"method\":\"GREEDY\",\"seed\":7,\"timeLimitSeconds\":1}", null, "location");
        });
        f.put("PUT " + b + "/{bazaarId}/footfall", () -> {
            String venue = TestData.venue(2, 0, 0, 4);
            String id = TestData.bazaar("MONTHLY", TestData.today(), 1, List.of(venue));
            String report = "{\"venueId\":\"" + venue + "\",\"day\":\"" + TestData.today() + "\",\"visitors\":300}";
            // the first report of the day, then the change of it this check makes with its version
            String version = given().auth().oauth2(TestData.coordinator()).contentType("application/json")
                .header("If-None-Match", "*").body(report).put(b + "/" + id + "/footfall").then().statusCode(200)
                .extract().header("ETag");
            return new Call(TestData.coordinator(), b + "/" + id + "/footfall", report, version,
                b + "/" + id + "/footfall");
        });
        f.put("POST " + b + "/{bazaarId}/sales", () -> {
            String venue = TestData.venue(2, 0, 0, 4);
            String id = TestData.bazaar("MONTHLY", TestData.today(), 1, List.of(venue));
            TestData.move(id, "OPEN");
            UUID business = TestData.registeredBusiness("pottery", 4, true);
            TestData.apply(id, business, List.of(venue), List.of(TestData.today()), 1);
            TestData.move(id, "ALLOCATING");
            String run = TestData.allocate(id, Map.of("method", "GREEDY", "seed", 7, "timeLimitSeconds", 1));
            given().auth().oauth2(TestData.coordinator()).post(b + "/" + id + "/allocations/" + run + "/publish")
                .then().statusCode(200);
            TestData.move(id, "RUNNING");
            return new Call(TestData.producer(business), b + "/" + id + "/sales", "{\"businessId\":\"" + business
                + "\",\"day\":\"" + TestData.today() + "\",\"amountRials\":45000000}", null, null);
        });
        f.put("POST " + API + "/series", () -> new Call(TestData.coordinator(), API + "/series",
            "{\"nameFa\":\"بازارچهٔ ماهانه\",\"nameEn\":\"Monthly bazaar\",\"kind\":\"MONTHLY\",\"rule\":\"MONTHLY\","
                + "\"fromYear\":1420,\"toYear\":1420,\"dayOfMonth\":10,\"durationDays\":1,\"venueIds\":[\""
                + TestData.venue(1, 0, 0, 4) + "\"],\"stallsPerDay\":1}", null, null));
        return f;
    }

    @Test
    void noWriteOperationLetsAClientSetAServerOwnedField() throws Exception {
        List<String> failures = new MassAssignment(root.toURI(), SERVER_OWNED, DERIVED, ALLOWED, fixtures(),
            NO_FIXTURE_YET).verify();
        assertEquals(List.of(), failures, String.join("\n", failures));
    }
}
