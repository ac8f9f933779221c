package ir.tehran.womenfamily.registry.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import ir.tehran.womenfamily.registry.beneficiary.NationalCode;
import ir.tehran.womenfamily.registry.duplicate.DuplicateDetector;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Bulk import of women and their children from CSV ({@link ImportFormat}), in the background. Each line
 * is validated; bad lines are reported with their number and reason and the good ones imported.
 * Idempotent by national code: a woman already registered is left as she is, so the same file twice
 * changes nothing. Women are written in chunks, each chunk one transaction with its events, set-based by
 * {@link ImportWriter} (COPY into staging tables, then INSERT ... SELECT).
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /**
     * Women per transaction. A chunk costs the same dozen round trips whatever its size; progress is reported
     * after each (docs/BENCHMARKS.md).
     */
    private static final int CHUNK = 5000;

    @Inject
    ImportWriter writer;

    @Inject
    Audit audit;

    @Inject
    DuplicateDetector duplicates;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "registry-import");
        t.setDaemon(true);
        return t;
    });

    /** One woman's lines, grouped by her national code. */
    record Woman(String code, List<Csv.Line> lines) {
    }

    /** An error of one line, before translation. */
    public record LineError(int line, String field, String reason) {
    }

    /** Checks the header, queues the job and starts it in the background; returns the job. */
    public ImportJob start(String csv, Caller actor) {
        Prepared p = prepare(csv, actor);
        worker.execute(() -> run(p.job().id, p.women(), p.columns(), p.errors(), actor.subject()));
        return p.job();
    }

    /** A parsed file and its queued job. */
    record Prepared(ImportJob job, List<Woman> women, Map<String, Integer> columns, List<LineError> errors) {
    }

    private Prepared prepare(String csv, Caller actor) {
        List<Csv.Line> lines = Csv.parse(csv == null ? "" : csv);
        if (lines.isEmpty() || !lines.get(0).fields().stream().map(String::strip).toList()
                .containsAll(ImportFormat.COLUMNS.subList(0, 3))) {
            throw ProblemException.invalid("body", "validation.import-header");
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> header = lines.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        List<LineError> errors = new ArrayList<>();
        Map<String, Woman> women = new LinkedHashMap<>();
        for (Csv.Line line : lines.subList(1, lines.size())) {
            String raw = Rows.field(line, columns, "national_code");
            String code = NationalCode.canonical(raw).orElse(null);
            if (code == null) {
                errors.add(new LineError(line.number(), "national_code", "validation.national-code"));
                continue;
            }
            women.computeIfAbsent(code, c -> new Woman(c, new ArrayList<>())).lines().add(line);
        }
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob j = new ImportJob();
            j.id = UUID.randomUUID();
            j.status = ImportJob.Status.QUEUED;
            j.total = women.size();
            j.errors = write(errors);
            j.createdBy = actor.subject();
            j.createdAt = Instant.now(clock);
            j.persist();
            audit.record(AuditEvent.of("import.start", "import", j.id).withDetail("women", j.total));
            return j;
        });
        return new Prepared(job, List.copyOf(women.values()), columns, errors);
    }

    @Transactional
    public ImportJob find(UUID id) {
        ImportJob job = ImportJob.findById(id);
        if (job == null) {
            throw ProblemException.notFound("import", id);
        }
        return job;
    }

    void run(UUID jobId, List<Woman> women, Map<String, Integer> columns, List<LineError> errors, String by) {
        // registered_at is kept to the microsecond: so is the start, for examineImportedSince
        Instant started = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        try {
            QuarkusTransaction.requiringNew().run(() -> ImportJob.update("status = ?1 where id = ?2",
                ImportJob.Status.RUNNING, jobId));
            int[] counts = new int[3];
            for (int from = 0; from < women.size(); from += CHUNK) {
                List<Woman> chunk = women.subList(from, Math.min(from + CHUNK, women.size()));
                int processed = from + chunk.size();
                try {
                    add(QuarkusTransaction.requiringNew().call(() -> writer.write(chunk, columns, by)), counts, errors);
                } catch (RuntimeException e) {
                    // something in the chunk collided with a concurrent write (a child's national code, say):
                    // one woman at a time
                    for (Woman w : chunk) {
                        try {
                            add(QuarkusTransaction.requiringNew().call(() -> writer.write(List.of(w), columns, by)),
                                counts, errors);
                        } catch (RuntimeException one) {
                            errors.add(new LineError(w.lines().get(0).number(), "national_code",
                                "validation.import-conflict"));
                        }
                    }
                }
                String errorJson = write(errors);
                QuarkusTransaction.requiringNew().run(() -> ImportJob.update("processed = ?1, imported = ?2, "
                    + "unchanged = ?3, children = ?4, errors = ?5 where id = ?6", processed, counts[0], counts[1],
                    counts[2], errorJson, jobId));
            }
            QuarkusTransaction.requiringNew().run(() -> duplicates.examineImportedSince(started));
            QuarkusTransaction.requiringNew().run(() -> ImportJob.update("status = ?1, finishedAt = ?2 where id = ?3",
                ImportJob.Status.DONE, Instant.now(clock), jobId));
        } catch (RuntimeException e) {
            LOG.errorf(e, "import %s failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> ImportJob.update("status = ?1, finishedAt = ?2 where id = ?3",
                ImportJob.Status.FAILED, Instant.now(clock), jobId));
        }
    }

    /** What one chunk did; counted only once its transaction committed. */
    record ChunkResult(int imported, int unchanged, int children, List<LineError> errors) {
    }

    private static void add(ChunkResult r, int[] counts, List<LineError> errors) {
        counts[0] += r.imported();
        counts[1] += r.unchanged();
        counts[2] += r.children();
        errors.addAll(r.errors());
    }

    private String write(List<LineError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }
}
