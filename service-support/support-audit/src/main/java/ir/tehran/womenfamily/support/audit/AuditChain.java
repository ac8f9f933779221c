package ir.tehran.womenfamily.support.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The hash chain that makes the audit log tamper-evident. Each entry's hash is SHA-256 over the
 * previous entry's hash and the entry's canonical form, so changing, removing or reordering any entry
 * breaks every link after it. Pure functions: no database here.
 *
 * <p>Canonical form ({@value #VERSION}): one line per field in a fixed order, each
 * {@code name:length:value} with the UTF-8 byte length of the value, or {@code name:-} for null; the
 * detail map with its keys sorted. The instant is ISO 8601 in UTC at microsecond precision (what
 * PostgreSQL keeps). Length prefixes make the form unambiguous whatever the values contain.
 */
public final class AuditChain {

    public static final String VERSION = "audit-chain-v1";
    /** The {@code prevHash} of the very first entry when nothing was ever anchored. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String canonical(AuditEntry e) {
        StringBuilder sb = new StringBuilder(256).append(VERSION).append('\n');
        field(sb, "seq", Long.toString(e.seq()));
        field(sb, "at", e.at() == null ? null : e.at().toString());
        field(sb, "actor", e.actor());
        field(sb, "clientId", e.clientId());
        field(sb, "roles", e.roles());
        field(sb, "purpose", e.purpose());
        field(sb, "requestId", e.requestId());
        field(sb, "action", e.action());
        field(sb, "resourceType", e.resourceType());
        field(sb, "resourceId", e.resourceId());
        field(sb, "outcome", e.outcome());
        Map<String, String> detail = e.detail() == null ? Map.of() : new TreeMap<>(e.detail());
        field(sb, "detail", Integer.toString(detail.size()));
        detail.forEach((k, v) -> {
            field(sb, "key", k);
            field(sb, "value", v);
        });
        return sb.toString();
    }

    /** SHA-256 (lower-case hex) over {@code previous}, a newline and the entry's canonical form. */
    public static String hash(String previous, AuditEntry e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(canonical(e).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name).append(':');
        if (value == null) {
            sb.append('-');
        } else {
            sb.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        sb.append('\n');
    }

    /** Where the chain starts: the last entry removed by retention, or the genesis. */
    public record Link(long seq, String hash) {

        public static final Link GENESIS_LINK = new Link(0, GENESIS);
    }

    /** The first link that does not hold. */
    public record Break(long seq, String reason) {
    }

    /**
     * Walks a chain entry by entry in {@code seq} order, from an anchor. Each entry must follow the
     * previous one without a gap, name its hash as {@code prevHash}, and hash to what it claims.
     */
    public static final class Walk {

        private Link last;
        private long checked;
        private Break broken;

        public Walk(Link anchor) {
            this.last = anchor;
        }

        /** Checks the next entry; returns the break it shows, if any. Stops checking after the first. */
        public Optional<Break> next(AuditEntry e) {
            if (broken != null) {
                return Optional.of(broken);
            }
            checked++;
            if (e.seq() != last.seq() + 1) {
                broken = new Break(e.seq(), "expected entry " + (last.seq() + 1) + " next but found " + e.seq()
                    + ": entries were removed or inserted");
            } else if (!last.hash().equals(e.prevHash())) {
                broken = new Break(e.seq(), "its previous hash does not match the hash of entry " + last.seq());
            } else if (!hash(e.prevHash(), e).equals(e.hash())) {
                broken = new Break(e.seq(), "its content does not match its hash: the entry was changed");
            } else {
                last = new Link(e.seq(), e.hash());
            }
            return Optional.ofNullable(broken);
        }

        public Optional<Break> broken() {
            return Optional.ofNullable(broken);
        }

        public long checked() {
            return checked;
        }

        /** The last entry that verified (the anchor when none did). */
        public Link head() {
            return last;
        }
    }
}
