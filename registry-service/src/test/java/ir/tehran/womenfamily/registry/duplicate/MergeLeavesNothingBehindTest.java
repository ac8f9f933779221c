package ir.tehran.womenfamily.registry.duplicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * A merge leaves nothing behind, and a split restores both records. The woman built here has one of every kind
 * of record that references a woman, as the database catalogue lists them (the test fails when a new kind is
 * not built here); after the merge no column referencing {@code beneficiary(id)} names her merged-away record
 * (apart from {@link MergeJournal#LEFT_AS_THEY_ARE} and the pair itself), and after the split every row
 * referencing either record is as it was before the merge.
 */
@QuarkusTest
class MergeLeavesNothingBehindTest {

    private static final String CW = "merge-all.cw";

    @Inject
    EntityManager em;

    @Inject
    MergeJournal journal;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en");
    }

    private static String admin() {
        return Women.admin("merge-all.admin");
    }

    private static String cw() {
        return Women.caseworker(CW);
    }

    private <T> T tx(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    /** The pair's version for If-Match, from the review queue of its state. */
    private static String version(UUID pair, String state) {
        return RegistryApi.pairVersion(admin(), pair, state);
    }

    private UUID candidate(String a, String b) {
        UUID x = UUID.fromString(a);
        UUID y = UUID.fromString(b);
        DuplicateCandidate c = tx(() -> DuplicateCandidate.<DuplicateCandidate>find(
            "(firstId = ?1 and secondId = ?2) or (firstId = ?2 and secondId = ?1)", x, y).firstResult());
        if (c == null) {
            throw new AssertionError("pair not queued: " + a + ", " + b);
        }
        return c.id;
    }

    private String woman(String first, String last) {
        String id = RegistryApi.register(admin(), "\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\","
            + "\"birthDate\":\"1361-03-03\",\"district\":5");
        Women.assign(id, CW);
        return id;
    }

    private void sql(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    /** One of every kind of record, through the API where there is one, in SQL where building it is long. */
    private void everything(String woman, UUID centre, UUID order) {
        UUID id = UUID.fromString(woman);
        as(cw()).body("{\"purpose\":\"SHARE_WITH_AGENCY\",\"agency\":{\"kind\":\"RELIEF_COMMITTEE\"},"
            + "\"givenOn\":\"1403-01-20\",\"channel\":\"PAPER\"}").post(Women.BASE + woman + "/consents")
            .then().statusCode(201);
        as(cw()).body("{\"cohort\":\"PRISON_RELEASE\",\"since\":\"1403-05-01\"}")
            .post(Women.BASE + woman + "/cohorts").then().statusCode(201);
        as(cw()).body("{\"offence\":\"FINANCIAL\",\"obligation\":\"DEBT\",\"owedRials\":900000000,"
            + "\"openedOn\":\"1403-02-01\"}").post(Women.BASE + woman + "/release-cases").then().statusCode(201);
        as(cw()).body("{\"text\":\"یادداشت پروندهٔ دوم\"}").post(Women.BASE + woman + "/case/notes")
            .then().statusCode(201);
        as(cw()).body("{\"counsellor\":\"مشاور همه\",\"mode\":\"FAMILY\",\"heldOn\":\"1404-02-01\"}")
            .post(Women.BASE + woman + "/counselling").then().statusCode(201);
        as(cw()).body("{\"kind\":\"MENTOR\",\"doneOn\":\"1404-02-01\"}")
            .post(Women.BASE + woman + "/business-facilitation").then().statusCode(201);
        String course = as(admin()).body("{\"title\":\"دورهٔ همه\",\"startsOn\":\"1404-02-01\","
            + "\"endsOn\":\"1404-02-30\"}").post("/api/registry/training-courses").then().statusCode(201)
            .extract().path("id");
        String session = as(admin()).body("{\"heldOn\":\"1404-02-02\"}")
            .post("/api/registry/training-courses/" + course + "/sessions").then().statusCode(201).extract().path("id");
        String enrolment = as(cw()).body("{\"courseId\":\"" + course + "\",\"enrolledOn\":\"1404-02-01\"}")
            .post(Women.BASE + woman + "/training").then().statusCode(201).extract().path("id");
        as(cw()).body("{\"sessionId\":\"" + session + "\"}")
            .post(Women.BASE + woman + "/training/" + enrolment + "/attendance").then().statusCode(200);
        as(cw()).body("{\"direction\":\"IN\",\"agency\":{\"kind\":\"WELFARE_ORGANISATION\"}}")
            .post(Women.BASE + woman + "/referrals").then().statusCode(201);
        as(cw()).body("{\"agency\":{\"kind\":\"RELIEF_COMMITTEE\"},\"kind\":\"MONTHLY_ALLOWANCE\","
                + "\"amountRials\":25000000,\"from\":\"1403/01/17\",\"to\":\"1403/06/05\",\"source\":\"CASEWORKER\"}")
            .post(Women.BASE + woman + "/agency-support").then().statusCode(201);
        // a DCI notification released about her (building a subscription and its event through the API is long), under
        // a subscription that has ended, so that no other test's woman is notified under it
        UUID subscription = UUID.randomUUID();
        sql("insert into dci_subscription (id, code, client_id, agency, event_type, notify_record_type, locale, state, "
            + "starts_at, expires_at, transaction_id, reference_id, created_at, ended_at) values (?1, ?2, "
            + "'welfare-org', 'WELFARE_ORGANISATION', 'REGISTER', 'Person', 'fas', 'UNSUBSCRIBED', now(), "
            + "now() + interval '1 day', 't', 'r', now(), now())", subscription, "merge-" + subscription);
        sql("insert into dci_notification (id, subscription_id, beneficiary_id, event_id, event_type, disclosure_id, "
            + "released_at) values (?1, ?2, ?3, 'e-merge', 'REGISTER', ?4, now())", UUID.randomUUID(), subscription,
            id, UUID.randomUUID());
        // the registry's own subscription to an agency's registry about her (ended), and an event it received
        sql("insert into dci_remote_subscription (id, client_id, beneficiary_id, national_code, event_type, "
            + "transaction_id, state, created_at, created_by, updated_at) values (?1, 'welfare-org', ?2, "
            + "(select national_code from beneficiary where id = ?2), 'REGISTER', ?3, 'UNSUBSCRIBED', now(), 'test', "
            + "now())", UUID.randomUUID(), id, "merge-" + UUID.randomUUID());
        sql("insert into dci_received_event (id, client_id, event_id, beneficiary_id, support_ids, received_at) "
            + "values (?1, 'welfare-org', ?2, ?3, '[]'::jsonb, now())", UUID.randomUUID(), "merge-" + UUID.randomUUID(),
            id);
        as(cw()).body("{\"unitName\":\"کارگاه همه\",\"training\":\"خیاطی\",\"trainingCompletedOn\":\"1404-06-10\","
                + "\"hoursPerDay\":6,\"hourlyWageRials\":150000,\"startedOn\":\"1404-06-20\"}")
            .post(Women.BASE + woman + "/placements").then().statusCode(201);
        as(cw()).body("{\"firstName\":\"علی\",\"lastName\":\"همه\",\"nationalCode\":\"" + NationalCodes.random()
                + "\",\"birthDate\":\"1395/06/15\",\"gender\":\"MALE\",\"grade\":3}")
            .post(Women.BASE + woman + "/children").then().statusCode(201);
        as(cw()).body("{\"fullName\":\"حسن همه\",\"relation\":\"PARENT\",\"birthDate\":\"1320-05-01\"}")
            .post(Women.BASE + woman + "/dependants").then().statusCode(201);
        as(cw()).body("{\"ownerBeneficiaryId\":\"" + woman + "\",\"name\":\"سفال همه\",\"category\":\"pottery\"}")
            .post("/api/registry/businesses").then().statusCode(201);
        as(admin()).body("{\"beneficiaryId\":\"" + woman + "\",\"interests\":[\"needlework\"]}")
            .post("/api/registry/campaign/mentees").then().statusCode(201);
        as(cw()).header("If-Match", RegistryApi.etag(cw(), Women.BASE + woman)).body("{\"status\":\"ACTIVE\"}")
            .post(Women.BASE + woman + "/status").then().statusCode(200);
        sql("insert into production_order_work (id, order_id, beneficiary_id, centre_id, work_date, hours, "
            + "recorded_by, recorded_at) values (?1, ?2, ?3, ?4, current_date, 4, 'test', now())",
            UUID.randomUUID(), order, id, centre);
        sql("insert into production_order_payout (id, order_id, beneficiary_id, hours, amount_rials) "
            + "values (?1, ?2, ?3, 4, 400000)", UUID.randomUUID(), order, id);
        sql("insert into break_glass_access (id, at, actor, resource_type, beneficiary_id, reason, reason_sha256) "
            + "values (?1, now(), 'merge-all.admin', 'cohort', ?2, 'test', 'x')", UUID.randomUUID(), id);
        sql("insert into correction_request (id, beneficiary_id, field, proposed_value, status, requested_at) "
            + "values (?1, ?2, 'mobile', '09120000000', 'OPEN', now())", UUID.randomUUID(), id);
        sql("insert into disclosure (id, beneficiary_id, disclosed_at, purpose, consent_id, what, recipient, by_actor) "
            + "values (?1, ?2, now(), 'SHARE_WITH_AGENCY', (select id from consent where beneficiary_id = ?2 limit 1), "
            + "'enrolment', 'RELIEF_COMMITTEE', 'merge-all.admin')", UUID.randomUUID(), id);
        sql("insert into placement_statement (id, placement_id, beneficiary_id, jalali_month, first_day, last_day, "
            + "days_present, days_absent, days_excused, hours_worked, wages_rials, days, issued_at, issued_by) "
            + "select ?1, p.id, p.beneficiary_id, '1404-07', date '2025-09-23', date '2025-10-22', 0, 0, 0, 0, 0, "
            + "cast('[]' as jsonb), now(), 'test' from placement p where p.beneficiary_id = ?2", UUID.randomUUID(), id);
    }

    /** The columns of table {@code t} that reference a woman. */
    private Map<String, List<String>> referencingColumns() {
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        tx(journal::references)
            .forEach(r -> byTable.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r.column()));
        return byTable;
    }

    private long count(String table, List<String> columns, UUID id, UUID exceptCandidate) {
        String where = columns.stream().map(c -> c + " = ?1").collect(Collectors.joining(" or "));
        String sql = "select count(*) from " + table + " where (" + where + ")"
            + (table.equals("duplicate_candidate") ? " and id <> ?2" : "");
        return tx(() -> {
            var q = em.createNativeQuery(sql).setParameter(1, id);
            if (table.equals("duplicate_candidate")) {
                q.setParameter(2, exceptCandidate);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    /** Every row referencing any of {@code ids}, per table, as text (minus what a merge and split may renew). */
    private Map<String, Set<String>> rowsOf(Set<UUID> ids, Instant since) {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        Map<String, List<String>> tables = referencingColumns();
        tables.put("case_note", List.of("case_id"));
        tables.put("case_assignment", List.of("case_id"));
        tables.put("training_attendance", List.of("enrolment_id"));
        for (Map.Entry<String, List<String>> t : tables.entrySet()) {
            String table = t.getKey();
            if (table.equals("beneficiary_merge")) {
                continue;
            }
            String where = t.getValue().stream().map(c -> c + " = any(cast(?1 as uuid[]))")
                .collect(Collectors.joining(" or "));
            if (table.startsWith("case_")) {
                where = "case_id in (select id from beneficiary_case where beneficiary_id = any(cast(?1 as uuid[])))";
            }
            if (table.equals("training_attendance")) {
                where = "enrolment_id in (select id from training_enrolment "
                    + "where beneficiary_id = any(cast(?1 as uuid[])))";
            }
            String extra = switch (table) {
                case "beneficiary" -> " - 'updated_at'";
                case "duplicate_candidate" -> " - 'decided_by' - 'decided_at'";
                default -> "";
            };
            String filter = table.equals("beneficiary_history")
                ? " and not (kind in ('MERGED', 'SPLIT') and changed_at >= ?2)" : "";
            String sql = "select cast(to_jsonb(t) - 'version'" + extra + " as text) from " + table + " t where ("
                + where + ")" + filter;
            UUID[] array = ids.toArray(UUID[]::new);
            @SuppressWarnings("unchecked")
            List<Object> found = tx(() -> {
                var q = em.createNativeQuery(sql).setParameter(1, array);
                if (!filter.isEmpty()) {
                    q.setParameter(2, since);
                }
                return q.getResultList();
            });
            rows.put(table, found.stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new)));
        }
        return rows;
    }

    @Test
    void everyRecordOfHersMovesToTheSurvivorAndASplitRestoresBoth() {
        String last = "همه‌چیز" + System.nanoTime() % 100000;
        String survivor = woman("مریم", last);
        String loser = woman("مريم", last);
        String third = woman("مریم", last);
        UUID s = UUID.fromString(survivor);
        UUID l = UUID.fromString(loser);
        UUID pair = candidate(survivor, loser);
        // an earlier merge into the record that will be merged away: her third record now points at her
        UUID earlier = candidate(loser, third);
        as(admin()).body("{\"survivorId\":\"" + loser + "\"}").header("If-Match", version(earlier, "OPEN"))
            .post("/api/registry/duplicates/" + earlier + "/merge")
            .then().statusCode(200);

        UUID centre = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        sql("insert into workshop_centre (id, code, name, district, capacity) values (?1, ?2, 'کارگاه ادغام', 5, 10)",
            centre, "MERGE-" + centre);
        sql("insert into production_order (id, department, state, start_date, due_date, created_at, created_by, "
            + "updated_at) values (?1, 'test', 'IN_PRODUCTION', current_date, current_date + 30, now(), 'test', now())",
            order);
        everything(loser, centre, order);
        // what both records can hold only once: a case (each has one), a cohort, a payout of the same order
        as(cw()).body("{\"text\":\"یادداشت پروندهٔ اول\"}").post(Women.BASE + survivor + "/case/notes")
            .then().statusCode(201);
        as(cw()).body("{\"cohort\":\"PRISON_RELEASE\",\"since\":\"1403-08-01\"}")
            .post(Women.BASE + survivor + "/cohorts").then().statusCode(201);
        sql("insert into production_order_payout (id, order_id, beneficiary_id, hours, amount_rials) "
            + "values (?1, ?2, ?3, 2, 200000)", UUID.randomUUID(), order, s);

        // the fixture holds a row of every kind that references a woman (a new kind must be built above)
        Map<String, List<String>> references = referencingColumns();
        Set<String> missing = new TreeSet<>();
        references.forEach((table, columns) -> {
            if (!table.equals("beneficiary_merge") && !table.equals("beneficiary_code_hmac")
                    && count(table, columns, l, pair) == 0) {
                missing.add(table);
            }
        });
        assertEquals(Set.of(), missing, "the woman built here lacks a record in these tables");

        Instant before = tx(() -> (Instant) em.createNativeQuery("select now()").getSingleResult());
        Set<UUID> both = new HashSet<>(List.of(s, l));
        Map<String, Set<String>> rowsBefore = rowsOf(both, before);

        as(admin()).body("{\"survivorId\":\"" + survivor + "\"}").header("If-Match", version(pair, "OPEN"))
            .post("/api/registry/duplicates/" + pair + "/merge").then().statusCode(200)
            .body("state", equalTo("MERGED"));

        Map<String, Long> left = new LinkedHashMap<>();
        references.forEach((table, columns) -> {
            if (!table.equals("beneficiary_merge") && !table.equals("beneficiary_code_hmac")) {
                long n = count(table, columns, l, pair);
                if (n > 0) {
                    left.put(table, n);
                }
            }
        });
        assertEquals(Map.of(), left, "rows still naming the merged-away record");
        // one case: the survivor's, with the notes of both
        as(cw()).get(Women.BASE + survivor + "/case/notes").then().statusCode(200)
            .body("items.text", hasItem("یادداشت پروندهٔ دوم")).body("items.text", hasItem("یادداشت پروندهٔ اول"));
        as(cw()).get(Women.BASE + survivor + "/consents").then().statusCode(200)
            .body("items.purpose", hasItem("SHARE_WITH_AGENCY"));
        // the services delivered to her, under the survivor's one case
        String survivorCase = as(cw()).get(Women.BASE + survivor + "/case").then().statusCode(200).extract()
            .path("id");
        as(cw()).get(Women.BASE + survivor + "/counselling").then().statusCode(200)
            .body("items.counsellor", hasItem("مشاور همه")).body("items.caseId", everyItem(equalTo(survivorCase)));
        as(cw()).get(Women.BASE + survivor + "/training").then().statusCode(200)
            .body("items.sessionsAttended", hasItem(1)).body("items.caseId", everyItem(equalTo(survivorCase)));
        as(admin()).get(Women.BASE + survivor + "/history").then().statusCode(200)
            .body("items.kind", hasItem("MERGED")).body("items.to", hasItem(survivor))
            .body("items.from", hasItem(loser));
        assertEquals(survivor, tx(() -> mergedInto(third)));

        String merged = version(pair, "MERGED");
        as(admin()).header("If-Match", merged).post("/api/registry/duplicates/" + pair + "/split").then()
            .statusCode(200).body("state", equalTo("OPEN"));

        assertEquals(rowsBefore, rowsOf(both, before), "a split restores every row of both records");
        assertEquals(loser, tx(() -> mergedInto(third)));
        as(admin()).get(Women.BASE + loser).then().statusCode(200);
        as(admin()).get(Women.BASE + survivor + "/history").then().statusCode(200)
            .body("items.kind", hasItem("MERGED")).body("items.kind", hasItem("SPLIT"));
        // hers: her own changes, the earlier merge of her third record into her, and the split
        as(admin()).get(Women.BASE + loser + "/history").then().statusCode(200)
            .body("items.kind", hasItem("SPLIT"))
            .body("items.findAll { it.kind == 'MERGED' }.from", contains(third));
        as(cw()).get(Women.BASE + survivor + "/case/notes").then().statusCode(200)
            .body("items.text", not(hasItem("یادداشت پروندهٔ دوم")));
        as(cw()).get(Women.BASE + loser + "/case/notes").then().statusCode(200)
            .body("items.text", hasItem("یادداشت پروندهٔ دوم"));

        // undone once: a second split is a conflict, as a problem
        as(admin()).header("If-Match", version(pair, "OPEN"))
            .post("/api/registry/duplicates/" + pair + "/split").then().statusCode(409)
            .contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/split-already-done"));
        // and the pair can be merged again
        as(admin()).body("{\"survivorId\":\"" + survivor + "\"}").header("If-Match", version(pair, "OPEN"))
            .post("/api/registry/duplicates/" + pair + "/merge").then().statusCode(200);
        assertTrue(count("consent", List.of("beneficiary_id"), l, pair) == 0);
    }

    private String mergedInto(String id) {
        Object into = em.createNativeQuery("select cast(merged_into as text) from beneficiary where id = ?1")
            .setParameter(1, UUID.fromString(id)).getSingleResult();
        return into == null ? null : into.toString();
    }

    @Test
    void aPairNeverMergedCannotBeSplit() {
        String last = "جداناشده" + System.nanoTime() % 100000;
        String a = woman("نرگس", last);
        String b = woman("نرگس", last);
        UUID open = candidate(a, b);
        as(admin()).header("If-Match", version(open, "OPEN"))
            .post("/api/registry/duplicates/" + open + "/split").then().statusCode(409)
            .contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/split-not-merged"));
        as(admin()).header("If-Match", "\"0\"").post("/api/registry/duplicates/" + UUID.randomUUID() + "/split")
            .then().statusCode(404)
            .contentType("application/problem+json");
    }
}
