package ir.tehran.womenfamily.support.web.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import ir.tehran.womenfamily.support.problem.ProblemException;

/**
 * The request side of a list: {@code limit} (default {@value #DEFAULT_LIMIT}, 1 to {@value #MAX_LIMIT}) and
 * the opaque {@code cursor}. A bad limit and a bad cursor are one 400 problem naming each.
 *
 * <p>A keyset query (the list is ordered by a unique key, e.g. {@code (created_at desc, id desc)}):
 * <pre>{@code
 * @GET
 * public RestResponse<Page<View>> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
 *         @Context UriInfo uri) {
 *     PageRequest req = PageRequest.of(limit, cursor, 2);       // cursor = (createdAt, id)
 *     List<Row> rows = query(req.cursor() == null ? null : req.cursor().instant(0),
 *                            req.cursor() == null ? null : req.cursor().uuid(1), req.fetchSize());
 *     return Pages.ok(uri, req.page(rows, r -> Cursor.of(r.createdAt, r.id)).map(View::of));
 * }
 * }</pre>
 * The query reads {@link #fetchSize()} rows ({@code limit + 1}): the extra row only tells that a next page
 * exists. A small list held in memory: {@code Pages.ok(uri, PageRequest.of(limit, cursor).slice(all, x ->
 * x.id().toString()))}.
 */
public record PageRequest(int limit, Cursor cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final String LIMIT = "limit";

    /** Reads {@code limit} and a cursor of {@code cursorParts} parts; 400 naming each one that is wrong. */
    public static PageRequest of(String limit, String cursor, int cursorParts) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                errors.add(new ProblemException.FieldError(LIMIT, "validation.limit", MAX_LIMIT));
            }
        }
        Cursor c = null;
        try {
            c = Cursor.decode(cursor, cursorParts);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", errors);
        }
        return new PageRequest(size, c);
    }

    /** For {@link #slice}: the cursor holds the position and the key of the last item read. */
    public static PageRequest of(String limit, String cursor) {
        return of(limit, cursor, 2);
    }

    /** How many rows a keyset query reads: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /**
     * The page out of the rows a keyset query read (at most {@link #fetchSize()}, in order): the first
     * {@code limit}, and a next cursor made of the last of them when there were more.
     */
    public <T> Page<T> page(List<T> rows, Function<T, Cursor> keyOf) {
        if (rows.size() <= limit) {
            return Page.last(rows);
        }
        List<T> items = rows.subList(0, limit);
        return Page.of(items, keyOf.apply(items.get(limit - 1)).encode());
    }

    /**
     * One page of a small list held in memory, {@code all} in its display order with a unique {@code key}:
     * the page starts after the item the cursor names (or, when that item is gone, at the position it had, where
     * the items after it moved).
     * Use {@link #of(String, String)} to read the request.
     */
    public <T> Page<T> slice(List<T> all, Function<T, String> key) {
        int from = 0;
        if (cursor != null) {
            if (cursor.size() != 2) {
                throw Cursor.invalid();
            }
            long position = cursor.longValue(0);
            if (position < 0) {
                throw Cursor.invalid();
            }
            String last = cursor.string(1);
            from = (int) Math.min(position, all.size());
            for (int i = 0; i < all.size(); i++) {
                if (Objects.equals(key.apply(all.get(i)), last)) {
                    from = i + 1;
                    break;
                }
            }
        }
        int to = Math.min(all.size(), from + limit);
        List<T> items = all.subList(from, to);
        if (to >= all.size()) {
            return Page.last(items);
        }
        return Page.of(items, Cursor.of(to - 1, key.apply(all.get(to - 1))).encode());
    }
}
