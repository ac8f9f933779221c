package ir.tehran.womenfamily.registry.transfer;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.agroal.api.AgroalDataSource;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryHistory;
import ir.tehran.womenfamily.registry.household.Child;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes one chunk of an import set-based, in the caller's transaction. The lines are validated and the
 * records built in Java with the same rules and aggregates as the API ({@link Rows}, {@link Beneficiary#register},
 * {@link Child#add}: names normalised, events made by the aggregates); then the rows are streamed with the
 * driver's {@code COPY} into staging tables of the transaction, and a handful of {@code INSERT ... SELECT}
 * statements write women, history, children and outbox rows. A chunk costs the same few round trips whatever
 * its size (ImportRoundTripsTest counts them).
 *
 * <p>Idempotent by national code: a woman already registered is left as she is (found before, or by
 * {@code on conflict do nothing} when another transaction registered her meanwhile), and only the women this
 * statement inserted get their history, children and events. A child's national code already in use, or used
 * by an earlier woman of the file, refuses that woman's lines, as a unique violation did before.
 */
@ApplicationScoped
public class ImportWriter {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    private static final String STAGING = "create temp table import_woman (ord int, id uuid, national_code char(10), "
        + "first_name text, last_name text, father_name text, name_key text, birth_date date, mobile text, "
        + "address text, district smallint, postal_code char(10), registration_channel text, status text, "
        + "support_level text, registered_at timestamptz, created_by text, inserted boolean not null default false) "
        + "on commit drop;"
        + "create temp table import_child (ord int, id uuid, mother_id uuid, first_name text, last_name text, "
        + "national_code char(10), birth_date date, gender text, grade smallint) on commit drop;"
        + "create temp table import_event (ord int, woman_id uuid, id uuid, aggregate_type text, aggregate_id text, "
        + "event_type text, schema_version int, occurred_at timestamptz, request_id text, trace_parent text, "
        + "payload text) on commit drop";

    private static final String INSERTS = "with w as (insert into beneficiary (id, national_code, first_name, "
        + "last_name, father_name, name_key, birth_date, mobile, address, district, postal_code, registration_channel, "
        + "status, support_level, registered_at, created_by, version) "
        + "select id, national_code, first_name, last_name, father_name, name_key, birth_date, mobile, address, "
        + "district, postal_code, registration_channel, status, support_level, registered_at, created_by, 0 "
        + "from import_woman order by ord on conflict (national_code) do nothing returning id) "
        + "update import_woman s set inserted = true from w where s.id = w.id;"
        + "insert into beneficiary_history (beneficiary_id, kind, from_value, to_value, reason, changed_by, "
        + "changed_at) select id, '" + BeneficiaryHistory.Kind.SUPPORT_LEVEL.name() + "', null, support_level, "
        + "'import', created_by, registered_at from import_woman where inserted and support_level is not null "
        + "order by ord;"
        + "insert into child (id, mother_id, first_name, last_name, national_code, birth_date, gender, grade, "
        + "version) select c.id, c.mother_id, c.first_name, c.last_name, c.national_code, c.birth_date, c.gender, "
        + "c.grade, 0 from import_child c join import_woman w on w.id = c.mother_id where w.inserted "
        + "order by c.ord;"
        + "insert into outbox_event (id, aggregate_type, aggregate_id, event_type, schema_version, occurred_at, "
        + "request_id, trace_parent, payload) select e.id, e.aggregate_type, e.aggregate_id, e.event_type, "
        + "e.schema_version, e.occurred_at, e.request_id, e.trace_parent, cast(e.payload as jsonb) "
        + "from import_event e join import_woman w on w.id = e.woman_id where w.inserted order by e.ord";

    /** A woman of the chunk, validated and built, not yet written. */
    private record Built(Beneficiary woman, List<Child> children, List<DomainEvent> events, int line,
            Set<String> childCodes) {
    }

    /** Writes {@code chunk}; returns what it did. Rolls back with the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    ImportService.ChunkResult write(List<ImportService.Woman> chunk, Map<String, Integer> columns,
            String by) {
        LocalDate today = Tehran.today(clock);
        List<ImportService.LineError> errors = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            // a registered woman is left as she is, unread: the same file twice costs a look-up per chunk
            Set<String> registered = inUse(c, "beneficiary", chunk.stream().map(ImportService.Woman::code).toList());
            int unchanged = 0;
            List<Built> built = new ArrayList<>(chunk.size());
            List<String> childCodes = new ArrayList<>();
            for (ImportService.Woman w : chunk) {
                if (registered.contains(w.code())) {
                    unchanged++;
                    continue;
                }
                try {
                    Built b = build(w, columns, by, today);
                    childCodes.addAll(b.childCodes());
                    built.add(b);
                } catch (Rows.BadLine e) {
                    errors.add(new ImportService.LineError(e.line(), e.field(), e.reason()));
                }
            }
            Set<String> childCodesInUse = childCodes.isEmpty() ? new HashSet<>() : inUse(c, "child", childCodes);
            List<Built> toWrite = new ArrayList<>();
            for (Built b : built) {
                if (b.childCodes().stream().anyMatch(childCodesInUse::contains)
                    || b.childCodes().size() < b.children().stream().filter(k -> k.nationalCode != null).count()) {
                    errors.add(new ImportService.LineError(b.line(), "national_code", "validation.import-conflict"));
                } else {
                    childCodesInUse.addAll(b.childCodes());
                    toWrite.add(b);
                }
            }
            if (toWrite.isEmpty()) {
                return new ImportService.ChunkResult(0, unchanged, 0, errors);
            }
            int[] written = stageAndInsert(c, toWrite);
            if (written[0] > 0) {
                outbox.written();
            }
            // a woman another transaction registered after the look-up above is unchanged too
            return new ImportService.ChunkResult(written[0], unchanged + toWrite.size() - written[0], written[1],
                errors);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("import chunk could not be written: " + e.getMessage(), e);
        }
    }

    private Built build(ImportService.Woman w, Map<String, Integer> columns, String by, LocalDate today) {
        Csv.Line first = w.lines().get(0);
        Beneficiary.Profile profile = Rows.profile(first, columns, today);
        List<Child.Facts> kids = new ArrayList<>();
        for (Csv.Line line : w.lines()) {
            Child.Facts facts = Rows.child(line, columns, today);
            if (facts != null) {
                kids.add(facts);
            }
        }
        Beneficiary.Registration reg = Beneficiary.register(w.code(), profile, Rows.channel(first, columns),
            Rows.level(first, columns), by, Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        Beneficiary b = reg.beneficiary();
        List<DomainEvent> events = new ArrayList<>(reg.events());
        List<Child> children = new ArrayList<>(kids.size());
        Set<String> codes = new HashSet<>();
        for (Child.Facts facts : kids) {
            Child.Added added = Child.add(b.id, b.district, facts);
            children.add(added.child());
            events.addAll(added.events());
            if (added.child().nationalCode != null) {
                codes.add(added.child().nationalCode);
            }
        }
        return new Built(b, children, events, first.number(), codes);
    }

    /** One round trip: which of {@code codes} are national codes in {@code table} (beneficiary or child). */
    private static Set<String> inUse(Connection c, String table, List<String> codes) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("select national_code from " + table
                + " where national_code = any(?)")) {
            s.setArray(1, c.createArrayOf("bpchar", codes.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /** Creates the staging tables, streams the rows into them, writes the real tables; {imported, children}. */
    private int[] stageAndInsert(Connection c, List<Built> rows) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute(STAGING);
        }
        CopyRows women = new CopyRows();
        CopyRows children = new CopyRows();
        CopyRows events = new CopyRows();
        int childOrd = 0;
        int eventOrd = 0;
        for (int i = 0; i < rows.size(); i++) {
            Built row = rows.get(i);
            Beneficiary b = row.woman();
            women.add(i).add(b.id).add(b.nationalCode).add(b.firstName).add(b.lastName).add(b.fatherName)
                .add(b.nameKey).add(b.birthDate).add(b.mobile).add(b.address).add(b.district).add(b.postalCode)
                .add(b.registrationChannel).add(b.status).add(b.supportLevel).add(b.registeredAt).add(b.createdBy)
                .end();
            for (Child k : row.children()) {
                children.add(childOrd++).add(k.id).add(k.motherId).add(k.firstName).add(k.lastName)
                    .add(k.nationalCode).add(k.birthDate).add(k.gender).add(k.grade).end();
            }
            for (DomainEvent event : row.events()) {
                Outbox.Row o = outbox.row(event, b.registeredAt);
                events.add(eventOrd++).add(b.id).add(o.id()).add(o.aggregateType()).add(o.aggregateId())
                    .add(o.type()).add(o.schemaVersion()).add(o.occurredAt()).add(o.requestId()).add(o.traceParent())
                    .add(o.payload()).end();
            }
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("copy import_woman (ord, id, national_code, first_name, last_name, father_name, name_key, "
            + "birth_date, mobile, address, district, postal_code, registration_channel, status, support_level, "
            + "registered_at, created_by) from stdin", new StringReader(women.text()));
        if (childOrd > 0) {
            copy.copyIn("copy import_child (ord, id, mother_id, first_name, last_name, national_code, birth_date, "
                + "gender, grade) from stdin", new StringReader(children.text()));
        }
        copy.copyIn("copy import_event (ord, woman_id, id, aggregate_type, aggregate_id, event_type, "
            + "schema_version, occurred_at, request_id, trace_parent, payload) from stdin",
            new StringReader(events.text()));
        int imported;
        int childrenAdded;
        try (Statement s = c.createStatement()) {
            s.execute(INSERTS);
            imported = s.getUpdateCount();
            s.getMoreResults();
            s.getMoreResults();
            childrenAdded = s.getUpdateCount();
        }
        return new int[] {imported, childrenAdded};
    }

    /** Rows in PostgreSQL's COPY text format: tab between columns, {@code \N} for null, backslash escapes. */
    static final class CopyRows {

        private final StringBuilder sb = new StringBuilder(1 << 16);
        private boolean first = true;

        CopyRows add(Object value) {
            if (!first) {
                sb.append('\t');
            }
            first = false;
            if (value == null) {
                sb.append("\\N");
                return this;
            }
            String v = value instanceof Enum<?> e ? e.name() : value.toString();
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                switch (ch) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(ch);
                }
            }
            return this;
        }

        void end() {
            sb.append('\n');
            first = true;
        }

        String text() {
            return sb.toString();
        }
    }
}
