package ir.tehran.womenfamily.sponsorship.pledge;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The pseudonym a sponsor knows a child by ({@code K7QM-3XPA}): random, stable for that sponsor, and
 * different for each sponsor of the same child, so sponsors cannot link what they see to each other or to
 * the registry.
 */
@Entity
@Table(name = "sponsor_child_code")
@IdClass(SponsorChildCode.Key.class)
public class SponsorChildCode extends PanacheEntityBase {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "sponsor_id")
    public UUID sponsorId;

    @Id
    @Column(name = "child_id")
    public UUID childId;

    @Column(nullable = false)
    public String code;

    /** Her code for this sponsor, made on first use. */
    public static String of(UUID sponsorId, UUID childId) {
        SponsorChildCode existing = findById(new Key(sponsorId, childId));
        if (existing != null) {
            return existing.code;
        }
        String code;
        do {
            code = random();
        } while (taken(sponsorId, code));
        SponsorChildCode c = new SponsorChildCode();
        c.sponsorId = sponsorId;
        c.childId = childId;
        c.code = code;
        c.persist();
        return code;
    }

    private static boolean taken(UUID sponsorId, String code) {
        return count("sponsorId = ?1 and code = ?2", sponsorId, code) > 0;
    }

    /**
     * Codes for many pairs in one transaction (a matching run): the sponsors' existing codes are read in one
     * query, and new ones are checked against them in memory.
     */
    public static final class Batch {

        private final Map<Key, String> codes = new HashMap<>();
        private final Map<UUID, Set<String>> used = new HashMap<>();

        public Batch(Collection<UUID> sponsors) {
            if (!sponsors.isEmpty()) {
                SponsorChildCode.<SponsorChildCode>list("sponsorId in ?1", sponsors).forEach(c -> {
                    codes.put(new Key(c.sponsorId, c.childId), c.code);
                    used.computeIfAbsent(c.sponsorId, k -> new HashSet<>()).add(c.code);
                });
            }
        }

        /** Her code for this sponsor, made on first use. */
        public String of(UUID sponsorId, UUID childId) {
            Key key = new Key(sponsorId, childId);
            String existing = codes.get(key);
            if (existing != null) {
                return existing;
            }
            Set<String> taken = used.computeIfAbsent(sponsorId, k -> new HashSet<>());
            String code;
            do {
                code = random();
            } while (taken.contains(code));
            SponsorChildCode c = new SponsorChildCode();
            c.sponsorId = sponsorId;
            c.childId = childId;
            c.code = code;
            c.persist();
            codes.put(key, code);
            taken.add(code);
            return code;
        }
    }

    static String random() {
        StringBuilder sb = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                sb.append('-');
            }
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** The composite key. */
    public static class Key implements Serializable {

        public UUID sponsorId;
        public UUID childId;

        public Key() {
        }

        public Key(UUID sponsorId, UUID childId) {
            this.sponsorId = sponsorId;
            this.childId = childId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sponsorId, k.sponsorId) && Objects.equals(childId, k.childId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sponsorId, childId);
        }
    }
}
