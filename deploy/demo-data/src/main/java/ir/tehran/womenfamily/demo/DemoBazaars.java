package ir.tehran.womenfamily.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import ir.tehran.womenfamily.support.jalali.JalaliDate;

/**
 * The bazaars of the last two Jalali years (this one and the last): {@value #BAZAARS} past bazaars made through
 * the bazaar service's API at the gateway, as a coordinator would have run them: each created over its venues,
 * opened, allocated (the first-come allocation, no producer having applied in the demo), published, run and
 * closed, so that the figure of bazaars held counts them. They are spread evenly from the first day of last
 * Jalali year to a few days ago, three days each, every venue in turn; two of them are exhibitions over all the
 * venues.
 */
final class DemoBazaars {

    /** The report's bazaars of the last two Jalali years. */
    static final int BAZAARS = 96;
    private static final String ROOT = "/api/bazaar/bazaars";
    private static final Duration RUN_WAIT = Duration.ofMinutes(2);

    private DemoBazaars() {
    }

    /** Makes the bazaars; returns how many were held. */
    static int seed(RegistryApi api, LocalDate today, Parallel parallel) {
        List<String> venues = new ArrayList<>();
        RegistryApi.items(api.getAtGateway("/api/bazaar/venues?limit=200"))
            .forEach(v -> venues.add(v.path("id").asText()));
        LocalDate from = new JalaliDate(JalaliDate.of(today).year() - 1, 1, 1).toGregorian();
        long span = today.minusDays(5).toEpochDay() - from.toEpochDay();
        List<Map<String, Object>> forms = new ArrayList<>();
        for (int i = 0; i < BAZAARS; i++) {
            LocalDate start = from.plusDays(span * i / BAZAARS);
            boolean exhibition = i == BAZAARS / 3 || i == 2 * BAZAARS / 3;
            forms.add(form(i, start, exhibition ? venues : List.of(venues.get(i % venues.size()))));
        }
        return parallel.map(forms, f -> hold(api, f)).size();
    }

    private static Map<String, Object> form(int i, LocalDate start, List<String> venues) {
        boolean exhibition = venues.size() > 1;
        Map<String, Object> body = new HashMap<>();
        body.put("kind", exhibition ? "EXHIBITION" : i % 4 == 0 ? "SEASONAL" : "MONTHLY");
        body.put("nameFa", (exhibition ? "نمایشگاه توانمندی زنان " : "بازارچهٔ محلی ") + JalaliDate.of(start));
        body.put("nameEn", (exhibition ? "Women's work exhibition " : "Local bazaar ") + JalaliDate.of(start));
        body.put("startDate", start.toString());
        body.put("endDate", start.plusDays(2).toString());
        body.put("applicationsOpen", start.minusDays(20).toString());
        body.put("applicationsClose", start.minusDays(1).toString());
        body.put("venues", venues.stream().map(v -> Map.of("venueId", v)).toList());
        return body;
    }

    private static String hold(RegistryApi api, Map<String, Object> form) {
        String id = api.postAtGateway(ROOT, form).path("id").asText();
        move(api, id, "OPEN");
        move(api, id, "ALLOCATING");
        String runs = ROOT + "/" + id + "/allocations";
        String run = api.postAtGateway(runs, Map.of("method", "GREEDY")).path("id").asText();
        Instant deadline = Instant.now().plus(RUN_WAIT);
        JsonNode state = api.getAtGateway(runs + "/" + run);
        while (!"SOLVED".equals(state.path("status").asText()) && Instant.now().isBefore(deadline)) {
            pause();
            state = api.getAtGateway(runs + "/" + run);
        }
        api.postAtGateway(runs + "/" + run + "/publish", Map.of());
        move(api, id, "RUNNING");
        move(api, id, "CLOSED");
        return id;
    }

    private static void move(RegistryApi api, String id, String to) {
        api.postAtGateway(ROOT + "/" + id + "/transitions", Map.of("to", to));
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
