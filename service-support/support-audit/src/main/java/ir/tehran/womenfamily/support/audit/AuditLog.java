package ir.tehran.womenfamily.support.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Reads the audit log: filtered pages for admins, and the verification of the whole chain. */
@ApplicationScoped
public class AuditLog {

    static final String RETENTION_ACTION = "audit.retention";
    private static final int VERIFY_PAGE = 2000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditStore store;

    /** The result of walking the chain: where it starts, how far it holds, and its first broken link. */
    public record Verification(boolean valid, long checked, AuditChain.Link anchor, AuditChain.Link lastVerified,
            AuditChain.Break firstBroken) {
    }

    /** Up to {@code limit} entries matching {@code query}, newest first. */
    @Transactional
    public List<AuditEntry> search(AuditQuery query, int limit) {
        try (Connection c = dataSource.getConnection()) {
            return store.search(c, query, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log: " + e.getMessage(), e);
        }
    }

    /** The sequence number of the newest entry; 0 while the log is empty. */
    public long lastSeq() {
        List<AuditEntry> last = search(new AuditQuery(null, null, null, null, null, null), 1);
        return last.isEmpty() ? 0 : last.get(0).seq();
    }

    /** What {@code actor} recorded after entry {@code afterSeq}, newest first, at most 50 entries. */
    public List<AuditEntry> byActorAfter(String actor, long afterSeq) {
        return search(new AuditQuery(null, null, actor, null, null, null), 50).stream()
            .filter(e -> e.seq() > afterSeq).toList();
    }

    /**
     * Re-walks the chain from its anchor and reports the first link that does not hold. Takes the
     * retention lock shared, so a purge never runs under it; appends go on and extend what it reads.
     */
    @Transactional
    public Verification verify() {
        try (Connection c = dataSource.getConnection()) {
            store.lockShared(c, AuditLocks.RETENTION);
            Optional<AuditChain.Link> anchor = store.anchor(c);
            AuditChain.Link start = anchor.orElse(AuditChain.Link.GENESIS_LINK);
            AuditChain.Walk walk = new AuditChain.Walk(start);
            boolean witnessed = anchor.isEmpty();
            long after = Long.MIN_VALUE;
            List<AuditEntry> page;
            do {
                page = store.after(c, after, VERIFY_PAGE);
                for (AuditEntry e : page) {
                    if (walk.next(e).isPresent()) {
                        break;
                    }
                    witnessed = witnessed || witnesses(e, start);
                    after = e.seq();
                }
            } while (page.size() == VERIFY_PAGE && walk.broken().isEmpty());
            AuditChain.Break broken = walk.broken().orElse(null);
            if (broken == null && !witnessed) {
                broken = new AuditChain.Break(start.seq(),
                    "the anchor is not recorded by any retention entry of the chain: it was replaced");
            }
            return new Verification(broken == null, walk.checked(), anchor.orElse(null), walk.head(), broken);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log: " + e.getMessage(), e);
        }
    }

    /** A retention entry names the anchor it wrote; the newest anchor must be named so by the chain. */
    private static boolean witnesses(AuditEntry e, AuditChain.Link anchor) {
        return RETENTION_ACTION.equals(e.action())
            && Long.toString(anchor.seq()).equals(e.detail().get("anchorSeq"))
            && anchor.hash().equals(e.detail().get("anchorHash"));
    }
}
