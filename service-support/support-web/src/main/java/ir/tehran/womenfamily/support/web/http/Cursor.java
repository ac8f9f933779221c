package ir.tehran.womenfamily.support.web.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.problem.ProblemException;

/**
 * An opaque page cursor: the keyset position after the last item of a page, as a few strings (typically the
 * sort key and the id), base64url-encoded. The client never reads it; a cursor it garbled or tampered with is
 * a 400 problem naming {@code cursor}.
 *
 * <pre>{@code
 * String next = Cursor.of(last.createdAt, last.id).encode();
 * Cursor c = Cursor.decode(raw, 2);          // 400 naming "cursor" unless two parts
 * Instant after = c.instant(0); UUID id = c.uuid(1);
 * }</pre>
 */
public final class Cursor {

    public static final String PARAM = "cursor";
    private static final char SEP = '\u001f';
    private static final String VERSION = "1";

    private final List<String> parts;

    private Cursor(List<String> parts) {
        this.parts = List.copyOf(parts);
    }

    /** A cursor over these key parts (their {@code toString()}; an {@link Instant} keeps its ISO form). */
    public static Cursor of(Object... parts) {
        List<String> p = new ArrayList<>();
        for (Object o : parts) {
            String s = String.valueOf(o);
            if (s.indexOf(SEP) >= 0) {
                throw new IllegalArgumentException("a cursor part may not hold U+001F");
            }
            p.add(s);
        }
        return new Cursor(p);
    }

    public String encode() {
        StringBuilder b = new StringBuilder(VERSION);
        for (String p : parts) {
            b.append(SEP).append(p);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor the client sent, or null when it sent none (the first page); a cursor that is not one of
     * ours or does not have {@code expectedParts} parts is a 400 naming {@code cursor}.
     */
    public static Cursor decode(String raw, int expectedParts) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(raw.strip());
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            throw invalid();
        }
        List<String> split = List.of(text.split(String.valueOf(SEP), -1));
        if (split.size() != expectedParts + 1 || !VERSION.equals(split.get(0))) {
            throw invalid();
        }
        return new Cursor(split.subList(1, split.size()));
    }

    public int size() {
        return parts.size();
    }

    public String string(int i) {
        return parts.get(i);
    }

    public UUID uuid(int i) {
        try {
            UUID u = UUID.fromString(parts.get(i));
            if (!u.toString().equals(parts.get(i))) {
                throw invalid();
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public long longValue(int i) {
        try {
            return Long.parseLong(parts.get(i));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public Instant instant(int i) {
        try {
            return Instant.parse(parts.get(i));
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    public static ProblemException invalid() {
        return ProblemException.invalid(PARAM, "validation.cursor");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cursor c && c.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return "Cursor" + parts;
    }
}
