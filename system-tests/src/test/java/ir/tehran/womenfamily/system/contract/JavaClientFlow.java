package ir.tehran.womenfamily.system.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.client.ApiClient;
import ir.tehran.womenfamily.client.ApiException;
import ir.tehran.womenfamily.client.ApiResponse;
import ir.tehran.womenfamily.client.api.ApplicationsApi;
import ir.tehran.womenfamily.client.api.BeneficiariesApi;
import ir.tehran.womenfamily.client.api.CalendarApi;
import ir.tehran.womenfamily.client.api.OAuth2Api;
import ir.tehran.womenfamily.client.api.SponsorApi;
import ir.tehran.womenfamily.client.model.Application;
import ir.tehran.womenfamily.client.model.Beneficiary;
import ir.tehran.womenfamily.client.model.ApplicationDelta;
import ir.tehran.womenfamily.client.model.CalendarEntryDelta;
import ir.tehran.womenfamily.client.model.MySponsorshipDelta;
import ir.tehran.womenfamily.client.model.BeneficiarySummaryPage;
import ir.tehran.womenfamily.client.model.Problem;
import ir.tehran.womenfamily.client.model.Apply;
import ir.tehran.womenfamily.client.model.RegisterBeneficiary;
import ir.tehran.womenfamily.client.model.UpdateBeneficiary;
import ir.tehran.womenfamily.system.NationalCodes;

/**
 * A partner developer's flow through the running system with the Java client generated from the committed aggregated
 * document (openapi-generator {@code java}, library {@code native}: system-tests/pom.xml), no cast and no untyped
 * value: token → register a woman → search for her → read her with her ETag → update with If-Match → a stale update
 * answered 412 and read as a problem → apply to a bazaar as the producer → the sponsor's view → the public calendar,
 * 304 on revalidation. The same steps as contract/flow.mts.
 */
final class JavaClientFlow {

    private final FlowFixture fixture;

    JavaClientFlow(FlowFixture fixture) {
        this.fixture = fixture;
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(fixture.gateway());
        client.setRequestInterceptor(request -> {
            request.header("Accept-Language", "en");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        });
        return client;
    }

    private String token(String username, String password) throws ApiException {
        // the generated client sends the form body chunked: /oauth2/token reads it as it streams
        // grantType, clientId, clientSecret, code, codeVerifier, mobile, password, redirectUri, refreshToken, scope,
        // username
        return new OAuth2Api(client(null)).issueToken("password", null, null, null, null, null, password, null, null,
            null, username).getAccessToken();
    }

    void run() throws Exception {
        BeneficiariesApi caseworker = new BeneficiariesApi(client(token("caseworker", fixture.demoPassword())));

        // register a woman of the caseworker's district: 201, her record, her URL in Location
        String nationalCode = NationalCodes.random();
        ApiResponse<Beneficiary> registered = caseworker.registerBeneficiaryWithHttpInfo(new RegisterBeneficiary()
            .nationalCode(nationalCode).firstName("زهرا").lastName("کریمی").district(5), UUID.randomUUID().toString());
        assertEquals(201, registered.getStatusCode(), "a woman registered");
        UUID id = registered.getData().getId();
        String location = header(registered, "Location");
        assertTrue(location.endsWith("/" + id), "Location names her: " + location);

        // search for her by her national code: one page of the shared shape
        BeneficiarySummaryPage found = caseworker.searchBeneficiaries(null, null, null, null, nationalCode, null,
            null, null, null);
        assertTrue(found.getItems().stream().anyMatch(w -> id.equals(w.getId())), "found by her national code");

        // read her, with the ETag of this version; the same question again with it: 304
        String etag = header(caseworker.getBeneficiaryWithHttpInfo(id, null), "ETag");
        ApiException notModified = assertThrows(ApiException.class, () -> caseworker.getBeneficiary(id, etag));
        assertEquals(304, notModified.getCode(), "her record revalidated");

        // update with If-Match: the version read
        ApiResponse<Beneficiary> updated = caseworker.updateBeneficiaryWithHttpInfo(id, etag,
            new UpdateBeneficiary().address("تهران، منطقهٔ ۵"));
        assertEquals(200, updated.getStatusCode());
        assertNotEquals(etag, header(updated, "ETag"), "a new version");

        // the same update with the old version: 412, a typed problem
        ApiException stale = assertThrows(ApiException.class, () -> caseworker.updateBeneficiary(id, etag,
            new UpdateBeneficiary().address("تهران")));
        Problem problem = new ApiClient().getObjectMapper().readValue(stale.getResponseBody(), Problem.class);
        assertEquals(412, stale.getCode());
        assertEquals(412, problem.getStatus());
        assertNotNull(problem.getType(), "a problem type");

        // the producer applies to an open bazaar for her business: 201 and her application
        ApplicationsApi producer = new ApplicationsApi(client(token(fixture.producerUsername(),
            fixture.producerPassword())));
        UUID bazaar = UUID.fromString(fixture.bazaarId());
        ApiResponse<Application> applied = producer.applyToBazaarWithHttpInfo(bazaar, new Apply()
            .businessId(UUID.fromString(fixture.businessId())).venuePreferences(List.of(UUID.fromString(
                fixture.venueId()))).days(List.of(fixture.day())).stalls(1), UUID.randomUUID().toString());
        assertEquals(201, applied.getStatusCode(), "the producer applied");
        assertEquals(bazaar, applied.getData().getBazaarId());
        ApplicationDelta mine = producer.listMyBazaarApplications(null, null, null, null);
        assertTrue(mine.getItems().stream().anyMatch(a -> bazaar.equals(a.getBazaarId())),
            "her application is among hers");

        // the sponsor's own view: her sponsorships
        MySponsorshipDelta sponsorships = new SponsorApi(client(token(fixture.sponsorUsername(),
                fixture.sponsorPassword())))
            .listMySponsorships(null, null, null, null);
        assertNotNull(sponsorships.getItems(), "the sponsor's view");

        // the public calendar, then the same question again with its ETag: 304
        CalendarApi calendar = new CalendarApi(client(null));
        ApiResponse<CalendarEntryDelta> first = calendar.getPublicCalendarWithHttpInfo(null, null, null, null, null,
            null, null, null, null, null, null);
        assertNotNull(first.getData().getItems(), "the calendar's entries");
        String calendarTag = header(first, "ETag");
        ApiException calendarNotModified = assertThrows(ApiException.class, () -> calendar.getPublicCalendar(null,
            null, null, null, null, null, null, null, null, null, calendarTag));
        assertEquals(304, calendarNotModified.getCode(), "revalidated");
    }

    private static String header(ApiResponse<?> response, String name) {
        List<String> values = response.getHeaders().get(name);
        assertNotNull(values, name + " on the answer");
        return values.get(0);
    }
}
