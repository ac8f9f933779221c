package ir.tehran.womenfamily.support.web;

import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: a record's version is its strong {@code ETag}; an update must send
 * it back in {@code If-Match}, and gets 412 when the record changed since (no lost update) and 428 when
 * it sent none.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version the client read, from {@code If-Match}; 428 when absent, 412 when it is not a version. */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required");
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed();
        }
    }

    /** 412 unless the client's version is the current one. */
    public static void check(String ifMatch, long current) {
        if (required(ifMatch) != current) {
            throw ProblemException.preconditionFailed();
        }
    }
}
