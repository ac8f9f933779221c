package ir.tehran.womenfamily.support.web.http;

import java.net.URI;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Answers a list: 200 with the {@link Page} (or {@link Delta}) and, when there is a next page, the header
 * {@code Link: <https://public.host/api/...?limit=20&cursor=...>; rel="next"}. The URL is the request's own
 * (its other query parameters kept, {@code cursor} replaced), built from {@link UriInfo}, which reflects the
 * {@code X-Forwarded-*} headers the gateway sends: it is the URL the client called, never the service's
 * internal address and never taken from configuration.
 */
public final class Pages {

    public static final String LINK = "Link";

    private Pages() {
    }

    public static <T> RestResponse<Page<T>> ok(UriInfo uri, Page<T> page) {
        RestResponse.ResponseBuilder<Page<T>> b = RestResponse.ResponseBuilder.ok(page);
        String link = nextLink(uri, page.nextCursor());
        if (link != null) {
            b.header(LINK, link);
        }
        return b.build();
    }

    public static <T> RestResponse<Delta<T>> ok(UriInfo uri, Delta<T> delta) {
        RestResponse.ResponseBuilder<Delta<T>> b = RestResponse.ResponseBuilder.ok(delta);
        String link = nextLink(uri, delta.nextCursor());
        if (link != null) {
            b.header(LINK, link);
        }
        return b.build();
    }

    /** The absolute URL of the next page: this request's URL with {@code cursor} set; null without a cursor. */
    public static URI next(UriInfo uri, String nextCursor) {
        if (nextCursor == null) {
            return null;
        }
        return uri.getRequestUriBuilder().replaceQueryParam(Cursor.PARAM, nextCursor).build();
    }

    /** The {@code Link} header value for the next page, or null on the last page. */
    public static String nextLink(UriInfo uri, String nextCursor) {
        URI next = next(uri, nextCursor);
        return next == null ? null : "<" + next + ">; rel=\"next\"";
    }

    /**
     * The absolute, public URL of a resource below the one called, for {@code Location} on a 201:
     * {@code Response.created(Pages.location(uri, id))} on {@code POST /beneficiaries} gives
     * {@code https://public.host/api/registry/beneficiaries/{id}}.
     */
    public static URI location(UriInfo uri, Object... segments) {
        var b = uri.getAbsolutePathBuilder();
        for (Object s : segments) {
            b.path(String.valueOf(s));
        }
        return b.build();
    }
}
