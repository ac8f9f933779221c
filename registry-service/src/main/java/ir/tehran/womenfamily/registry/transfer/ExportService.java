package ir.tehran.womenfamily.registry.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;

/**
 * Exports of women (and, for some purposes, their children) as CSV, minimised to a purpose
 * ({@link ExportPurpose}) and filtered by district and last change. Rows are streamed: one read-only native
 * query in one transaction, read through a server-side cursor ({@value #FETCH} rows at a time) and written as
 * they arrive, so memory stays flat at any size. Every export is audited once it ends, with its purpose,
 * filter and the number of lines written (also when the client went away part way).
 */
@ApplicationScoped
public class ExportService {

    static final int FETCH = 500;

    /** What was asked for: the purpose and the (optional) filter. */
    public record Request(ExportPurpose purpose, Short district, Instant updatedSince) {
    }

    @Inject
    EntityManager em;

    @Inject
    Audit audit;

    /** Writes the export to {@code out}; returns the number of lines after the header. */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public long write(Request r, Caller actor, OutputStream out) throws IOException {
        long lines = 0;
        boolean complete = false;
        try (Stream<?> rows = query(r).getResultStream()) {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            w.write(r.purpose().header());
            w.write('\n');
            Iterator<?> it = rows.iterator();
            while (it.hasNext()) {
                line(w, r.purpose(), row((Object[]) it.next()));
                if (++lines % FETCH == 0) {
                    w.flush();
                }
            }
            w.flush();
            complete = true;
        } finally {
            long written = lines;
            boolean done = complete;
            QuarkusTransaction.requiringNew().run(() -> audit.record(actor, event(r, written, done)));
        }
        return lines;
    }

    static AuditEvent event(Request r, long lines, boolean complete) {
        return AuditEvent.of("beneficiary.export", Beneficiary.AGGREGATE, null)
            .withOutcome(complete ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILED)
            .withPurpose("export:" + r.purpose().name())
            .withDetail("purpose", r.purpose().name())
            .withDetail("district", r.district())
            .withDetail("updatedSince", r.updatedSince())
            .withDetail("rows", lines)
            .withDetail("complete", complete);
    }

    private Query query(Request r) {
        ExportPurpose p = r.purpose();
        StringBuilder sql = new StringBuilder("select cast(b.national_code as text), b.first_name, b.last_name, "
            + "b.father_name, cast(b.birth_date as text), b.mobile, b.district, cast(b.postal_code as text), "
            + "b.address, b.registration_channel, b.support_level, b.status, "
            + "cast(cast(b.registered_at at time zone '" + Tehran.ZONE_ID + "' as date) as text), "
            + "(select count(*) from child k where k.mother_id = b.id and k.removed_at is null)");
        if (p.linePerChild()) {
            sql.append(", c.first_name, c.last_name, cast(c.national_code as text), cast(c.birth_date as text), "
                + "c.gender, c.grade from beneficiary b ")
                .append(p.childrenOnly() ? "join" : "left join")
                .append(" child c on c.mother_id = b.id and c.removed_at is null");
        } else {
            sql.append(" from beneficiary b");
        }
        sql.append(" where b.merged_into is null");
        List<Object> params = new ArrayList<>();
        if (r.district() != null) {
            sql.append(" and b.district = ?").append(params.size() + 1);
            params.add(r.district());
        }
        if (r.updatedSince() != null) {
            sql.append(" and coalesce(b.updated_at, b.registered_at) >= ?").append(params.size() + 1);
            params.add(OffsetDateTime.ofInstant(r.updatedSince(), ZoneOffset.UTC));
        }
        sql.append(p.linePerChild() ? " order by b.id, c.birth_date, c.id" : " order by b.id");
        Query q = em.createNativeQuery(sql.toString())
            .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH)
            .setHint(HibernateHints.HINT_READ_ONLY, true);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return q;
    }

    private static ExportRow row(Object[] v) {
        ExportRow.ChildPart child = v.length > 14 && v[14] != null
            ? new ExportRow.ChildPart((String) v[14], (String) v[15], (String) v[16], date(v[17]), (String) v[18],
                v[19] == null ? null : ((Number) v[19]).shortValue())
            : null;
        return new ExportRow((String) v[0], (String) v[1], (String) v[2], (String) v[3], date(v[4]), (String) v[5],
            v[6] == null ? null : ((Number) v[6]).shortValue(), (String) v[7], (String) v[8],
            Beneficiary.Channel.valueOf((String) v[9]),
            v[10] == null ? null : Beneficiary.SupportLevel.valueOf((String) v[10]),
            Beneficiary.Status.valueOf((String) v[11]), date(v[12]), ((Number) v[13]).intValue(), child);
    }

    private static LocalDate date(Object v) {
        return v == null ? null : LocalDate.parse(v.toString());
    }

    private static void line(Writer w, ExportPurpose purpose, ExportRow row) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<ExportColumn> columns = purpose.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Csv.quote(columns.get(i).value(row)));
        }
        w.write(sb.append('\n').toString());
    }
}
