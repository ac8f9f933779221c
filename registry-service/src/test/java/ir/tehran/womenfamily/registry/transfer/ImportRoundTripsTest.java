package ir.tehran.womenfamily.registry.transfer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import jakarta.inject.Inject;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * The import writes set-based: its database round trips are counted (the socket reads of the import's thread,
 * recorded by JFR), not timed, and must not grow with the rows. The same run checks what the set-based path
 * keeps: an event for every change and none on a second import, duplicates sent to review, a child's national
 * code used twice reported on the line that reuses it, and the audit chain still verifying.
 */
@QuarkusTest
class ImportRoundTripsTest {

    private static final int WOMEN = 1200;
    /**
     * Round trips allowed per imported row (woman or child). The set-based import needs 22 for this file's 2,404
     * rows (about ten for the job, a dozen for its one chunk); the per-entity import needed 1,115.
     */
    private static final double ROUND_TRIPS_PER_ROW = 0.015;

    private final String admin = RegistryApi.admin();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLargeImportCostsAFewRoundTripsPerChunkAndKeepsEveryGuarantee() throws Exception {
        StringBuilder csv = new StringBuilder(ImportFormat.header()).append('\n');
        List<String> codes = new ArrayList<>();
        int levels = 0;
        int children = 0;
        for (int i = 0; i < WOMEN; i++) {
            String code = NationalCodes.random();
            codes.add(code);
            String level = i % 3 == 0 ? "TRAINING" : "";
            levels += level.isEmpty() ? 0 : 1;
            String woman = code + ",مریم" + i + ",انبوهي,,1360-01-" + (10 + i % 18) + ",,"
                + (1 + i % 22) + ",,,," + level + ",";
            if (i % 2 == 0) {
                csv.append(woman).append("سارا,,,2015-03-0").append(1 + i % 9).append(",FEMALE,2\n");
                csv.append(woman).append("علی,,").append(NationalCodes.random()).append(",2017-05-05,MALE,\n");
                children += 2;
            } else {
                csv.append(woman).append(",,,,,\n");
            }
        }
        // the same woman twice under two codes (same name, same birth date): a duplicate for review
        String twinA = NationalCodes.random();
        String twinB = NationalCodes.random();
        csv.append(twinA).append(",دوقلو,بازبینی,,1359-02-02,,3,,,,,,,,,,\n");
        csv.append(twinB).append(",دوقلو,بازبيني,,1359-02-02,,3,,,,,,,,,,\n");
        // a child's national code used by two mothers: the first has the child, the second's line is refused
        String childCode = NationalCodes.random();
        String motherA = NationalCodes.random();
        String motherB = NationalCodes.random();
        csv.append(motherA).append(",مادر,یکم,,1370-01-01,,4,,,,,پسر,یکم,").append(childCode)
            .append(",2018-01-01,MALE,\n");
        csv.append(motherB).append(",مادر,دوم,,1371-01-01,,4,,,,,پسر,دوم,").append(childCode)
            .append(",2018-01-01,MALE,\n");
        int conflictLine = (int) csv.toString().lines().count();

        long reads;
        JsonPath done;
        Path jfr = Files.createTempFile("import-round-trips", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO);
            recording.start();
            done = awaitDone(startImport(csv.toString()));
            recording.stop();
            recording.dump(jfr);
            reads = RecordingFile.readAllEvents(jfr).stream().filter(ImportRoundTripsTest::onImportThread).count();
        } finally {
            Files.deleteIfExists(jfr);
        }

        int imported = WOMEN + 3;
        assertEquals(imported, done.getInt("imported"), done.prettify());
        assertEquals(children + 1, done.getInt("children"), done.prettify());
        List<Map<String, Object>> errors = done.getList("errors");
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(conflictLine, errors.get(0).get("line"));
        assertEquals("national_code", errors.get(0).get("field"));
        int rows = imported + children + 1;
        assertTrue(reads > 0, "no socket read recorded on the import's thread");
        assertTrue(reads <= rows * ROUND_TRIPS_PER_ROW, reads + " round trips for " + rows + " rows ("
            + (double) reads / rows + " a row, at most " + ROUND_TRIPS_PER_ROW + ")");

        // an event for every change: registered, support level, child added
        List<String> all = new ArrayList<>(codes);
        all.addAll(List.of(twinA, twinB, motherA, motherB));
        long events = outboxEventsOf(all);
        assertEquals(imported + levels + children + 1, events);
        assertEquals(1, count("select count(*) from duplicate_candidate d join beneficiary a on a.id = d.first_id "
            + "join beneficiary b on b.id = d.second_id where a.national_code = any(?) and b.national_code = any(?) "
            + "and a.id <> b.id", (Object) new String[] {twinA, twinB}, (Object) new String[] {twinA, twinB}));
        assertEquals(1, count("select count(*) from beneficiary where national_code = ? and last_name = 'بازبینی'",
            twinB));
        assertEquals(levels, count("select count(*) from beneficiary_history h join beneficiary b "
            + "on b.id = h.beneficiary_id where b.national_code = any(?) and h.kind = 'SUPPORT_LEVEL' "
            + "and h.to_value = 'TRAINING' and h.reason = 'import'", (Object) codes.toArray(String[]::new)));

        // the same file twice changes nothing and emits nothing
        JsonPath again = awaitDone(startImport(csv.toString()));
        assertEquals(0, again.getInt("imported"), again.prettify());
        assertEquals(0, again.getInt("children"));
        assertEquals(imported, again.getInt("unchanged"));
        assertEquals(1, again.getList("errors").size(), again.prettify());
        assertEquals(events, outboxEventsOf(all));

        given().auth().oauth2(admin).get("/api/registry/audit/verify").then().statusCode(200)
            .body("valid", equalTo(true));
    }

    private static boolean onImportThread(RecordedEvent e) {
        return e.getThread() != null && "registry-import".equals(e.getThread().getJavaName());
    }

    private long outboxEventsOf(List<String> codes) throws SQLException {
        return count("select count(*) from outbox_event o where o.aggregate_id in ("
            + "select b.id::text from beneficiary b where b.national_code = any(?) union all "
            + "select c.id::text from child c join beneficiary b on b.id = c.mother_id "
            + "where b.national_code = any(?))", codes.toArray(String[]::new), codes.toArray(String[]::new));
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    s.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String startImport(String csv) {
        return given().auth().oauth2(admin).header("Accept-Language", "en").contentType("text/csv; charset=UTF-8")
            .body(csv).post("/api/registry/imports")
            .then().statusCode(202).extract().header("Location");
    }

    private JsonPath awaitDone(String location) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            last[0] = given().auth().oauth2(admin).header("Accept-Language", "en").get(location)
                .then().statusCode(200).extract().jsonPath();
            String status = last[0].getString("status");
            if ("FAILED".equals(status)) {
                throw new AssertionError("import failed: " + last[0].prettify());
            }
            return "DONE".equals(status);
        });
        return last[0];
    }
}
