package ir.tehran.womenfamily.support.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (down, restarting, refusing connections, or
 * the pool finding no live connection in time) from any other failure. Such a failure says nothing about
 * the request or the event being handled: a request gets a 503 with Retry-After, and an event is retried
 * later instead of being counted as a poison event.
 */
public final class DatabaseOutage {

    /** How many exceptions of a cause chain (with suppressed ones) are looked at, at most. */
    private static final int MAX_DEPTH = 32;

    private DatabaseOutage() {
    }

    /** True when {@code failure}, or anything in its chain of causes and suppressed exceptions, is an outage. */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> queue = new ArrayDeque<>();
        if (failure != null) {
            queue.add(failure);
        }
        while (!queue.isEmpty() && seen.size() < MAX_DEPTH) {
            Throwable t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (isOutage(t)) {
                return true;
            }
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            for (Throwable s : t.getSuppressed()) {
                queue.add(s);
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                queue.add(sql.getNextException());
            }
        }
        return false;
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            if (isOutageState(sql.getSQLState())) {
                return true;
            }
            // Agroal's own words when no connection could be had within the acquisition timeout
            String message = sql.getMessage();
            // ("Sorry, acquisition timeout!", "Acquisition timeout while waiting for new connection")
            return sql.getSQLState() == null && message != null
                && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
        }
        return false;
    }

    /**
     * Class 08 (connection exception), 57P01 (admin shutdown), 57P02 (crash shutdown), 57P03 (cannot connect
     * now: the server is starting or shutting down).
     */
    static boolean isOutageState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
            || state.equals("57P03"));
    }
}
