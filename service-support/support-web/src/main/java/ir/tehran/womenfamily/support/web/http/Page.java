package ir.tehran.womenfamily.support.web.http;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, the one list shape of every service: {@code {"items":[...],"nextCursor":"..."|null}}.
 * {@code nextCursor} is opaque; the client passes it back as {@code cursor} for the next page and stops when it
 * is null. Build it with {@link PageRequest#page} (a keyset query) or {@link PageRequest#slice} (a list held in
 * memory), and answer it with {@link Pages#ok} so that the {@code Link: <...>; rel="next"} header comes with it.
 */
public record Page<T>(List<T> items,
        @Schema(description = "Pass as cursor to read the next page; null on the last page", nullable = true)
        String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(items, nextCursor);
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    /** The same page with each item turned into its view. */
    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), nextCursor);
    }
}
