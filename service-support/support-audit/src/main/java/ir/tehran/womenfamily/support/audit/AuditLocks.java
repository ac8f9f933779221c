package ir.tehran.womenfamily.support.audit;

/**
 * Transaction-level PostgreSQL advisory locks of the audit log. Appends take {@link #APPEND}; the
 * retention job takes {@link #RETENTION} and then {@link #APPEND}; the verifier takes {@link #RETENTION}
 * shared, so it never sees a half-finished purge. Always in that order, so they cannot deadlock.
 */
final class AuditLocks {

    /** "audit-ap". */
    static final long APPEND = 0x61756469742d6170L;
    /** "audit-re". */
    static final long RETENTION = 0x61756469742d7265L;
    /** The session setting that lets the retention job delete entries and write anchors. */
    static final String RETENTION_SETTING = "audit.retention_job";

    private AuditLocks() {
    }
}
