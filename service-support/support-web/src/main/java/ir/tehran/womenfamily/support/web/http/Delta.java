package ir.tehran.womenfamily.support.web.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import ir.tehran.womenfamily.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A delta feed for a list a mobile app caches: what changed since the client's last sync, and what was removed
 * ({@code deleted}, tombstones), as {@code {"items":[...],"deleted":[{"id","deletedAt"}],"nextCursor":...,
 * "syncToken":"..."}}. The client sends {@code updatedSince} = the {@code syncToken} of its last complete sync
 * (none the first time: the whole list, no tombstones), follows {@code nextCursor} until it is null, and keeps
 * the last page's {@code syncToken}.
 *
 * <p>Recipe for a service (no shared table; each service owns its own):
 * <ol>
 * <li>The rows carry {@code updated_at timestamptz not null} set on every change (and an index on
 * {@code (updated_at, id)}).</li>
 * <li>A tombstone table in the service's own migration, filled in the transaction that removes a row (or makes
 * it invisible to the list): {@code create table x_tombstone (id uuid primary key, deleted_at timestamptz not
 * null default now()); create index on x_tombstone (deleted_at);} and pruned after a retention the feed
 * documents (a client older than that reloads fully).</li>
 * <li>The resource: {@code Instant since = Delta.updatedSince(raw); Instant token = Delta.token();} (read
 * before the queries) {@code PageRequest req = PageRequest.of(limit, cursor, 2);} then rows {@code where
 * (updated_at, id) > (:cursorAt, :cursorId) and (:since is null or updated_at > :since) order by updated_at,
 * id limit :fetch}, tombstones {@code where deleted_at > :since} (only when {@code since} is set, on the first
 * page), and {@code Pages.ok(uri, Delta.of(req.page(rows, r -> Cursor.of(r.updatedAt, r.id)).map(View::of),
 * tombstones, token))}.</li>
 * </ol>
 */
@Schema(description = "Changes since updatedSince: changed or new items, removed ones, and the next syncToken")
public record Delta<T>(List<T> items, List<Tombstone> deleted,
        @Schema(description = "Pass as cursor to read the next page; null on the last page", nullable = true)
        String nextCursor,
        @Schema(description = "Send as updatedSince on the next sync") String syncToken) {

    public static final String UPDATED_SINCE = "updatedSince";

    public Delta {
        items = List.copyOf(items);
        deleted = List.copyOf(deleted);
    }

    /** A removed item: its id and when it was removed. */
    @Schema(name = "Tombstone", description = "An item removed since updatedSince")
    public record Tombstone(String id, Instant deletedAt) {
    }

    public static <T> Delta<T> of(Page<T> page, List<Tombstone> deleted, Instant syncToken) {
        return new Delta<>(page.items(), deleted, page.nextCursor(), syncToken.toString());
    }

    /**
     * The sync token of this response: now, a little in the past so that a change committed by a transaction
     * that started before this read is not missed on the next sync (it is sent again instead, harmlessly).
     * Read it before the queries.
     */
    public static Instant token() {
        return Instant.now().minusSeconds(5);
    }

    /** {@code updatedSince} as an instant, null when absent; not an ISO 8601 instant is a 400 naming it. */
    public static Instant updatedSince(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(UPDATED_SINCE, "validation.updated-since");
        }
    }
}
