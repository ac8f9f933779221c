package ir.tehran.womenfamily.support.web.http;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code ETag} and {@code If-None-Match} on every GET, in every service, without a line in the resource: a
 * {@code GET} answered 200 with a JSON body gets a strong {@code ETag} (a hash of the body as it is written),
 * unless the resource set one itself (a record's version, {@link ir.tehran.womenfamily.support.web.Versions}),
 * which is then kept. When the request's {@code If-None-Match} matches that tag (or is {@code *}), the answer
 * is 304 with the tag and no body; the headers the resource set ({@code Cache-Control}, {@code Vary}) stay.
 * Lists get tags too (harmless: a client may revalidate a page). Never applied to anything but JSON: not to
 * problems, server-sent events, files or streams.
 */
@Provider
public class ConditionalGet implements ContainerResponseFilter {

    @Inject
    ObjectMapper json;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        Object entity = response.getEntity();
        MediaType type = response.getMediaType() != null ? response.getMediaType() : produced();
        if (!isJson(type) || entity instanceof InputStream || entity instanceof byte[]
                || entity instanceof StreamingOutput || entity instanceof java.io.File
                || entity instanceof java.nio.file.Path) {
            return;
        }
        Object existing = response.getHeaders().getFirst(HttpHeaders.ETAG);
        String tag;
        if (existing != null) {
            tag = existing instanceof EntityTag e ? e.toString() : existing.toString();
        } else {
            tag = etag(entity);
            if (tag == null) {
                return;
            }
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        }
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setEntity(null);
            response.setStatus(304);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        }
    }

    /** A {@code Response} built without a type is written as the method (or its class) produces. */
    private MediaType produced() {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        Produces p = resource.getResourceMethod().getAnnotation(Produces.class);
        if (p == null && resource.getResourceClass() != null) {
            p = resource.getResourceClass().getAnnotation(Produces.class);
        }
        return p == null || p.value().length == 0 ? null : MediaType.valueOf(p.value()[0].split(",")[0].strip());
    }

    static boolean isJson(MediaType type) {
        if (type == null) {
            return false;
        }
        String sub = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return "application".equalsIgnoreCase(type.getType()) && (sub.equals("json") || sub.endsWith("+json"))
            && !sub.equals("problem+json");
    }

    private String etag(Object entity) {
        try {
            return tagOf(json.writeValueAsBytes(entity));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A strong tag of these bytes: {@code "} + base64url of the first 18 bytes of their SHA-256 + {@code "}. */
    public static String tagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18))
                + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String tagOf(String body) {
        return tagOf(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code If-None-Match} matches the tag, by the weak comparison RFC 9110 asks for it: {@code *},
     * or any listed tag equal to ours once {@code W/} is ignored.
     */
    public static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || tag == null) {
            return false;
        }
        String ours = opaque(tag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || (!c.isEmpty() && opaque(c).equals(ours))) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.strip();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }
}
