package ir.tehran.womenfamily.support.audit;

import java.util.List;

import ir.tehran.womenfamily.support.web.http.Cursor;
import ir.tehran.womenfamily.support.web.http.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The admin's use of the audit log, itself recorded in it (reading the log is a sensitive read too). */
@ApplicationScoped
public class AuditService {

    static final String PURPOSE = "audit-review";

    @Inject
    AuditLog log;

    @Inject
    Audit audit;

    @Transactional
    public Page<AuditViews.Entry> search(AuditQuery query, int limit) {
        List<AuditEntry> found = log.search(query, limit + 1);
        boolean more = found.size() > limit;
        List<AuditEntry> page = more ? found.subList(0, limit) : found;
        audit.record(AuditEvent.of("audit.search", "audit-log", null).withPurpose(PURPOSE)
            .withDetail("resourceType", query.resourceType()).withDetail("resourceId", query.resourceId())
            .withDetail("actor", query.actor()).withDetail("returned", page.size()));
        return Page.of(page.stream().map(AuditViews.Entry::of).toList(),
            more ? Cursor.of(page.get(page.size() - 1).seq()).encode() : null);
    }

    @Transactional
    public AuditViews.Verification verify() {
        AuditLog.Verification v = log.verify();
        audit.record(AuditEvent.of("audit.verify", "audit-log", null).withPurpose(PURPOSE)
            .withDetail("valid", v.valid()).withDetail("checked", v.checked()));
        return AuditViews.Verification.of(v);
    }
}
