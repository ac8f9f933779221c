package ir.tehran.womenfamily.support.web;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.server.providers.serialisers.ServerFormUrlEncodedProvider;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Reads a form body ({@code application/x-www-form-urlencoded}) as the REST layer does, and answers one whose
 * percent-encoding is broken ({@code %ZZ}, a trailing {@code %}), which the decoder refuses, with a 400
 * {@code malformed-form} problem instead of letting the decoder's error through as a 500.
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@SuppressWarnings({"rawtypes", "unchecked"})
public class FormReader implements ServerMessageBodyReader<MultivaluedMap> {

    private final ServerFormUrlEncodedProvider forms = new ServerFormUrlEncodedProvider();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo info,
            MediaType mediaType) {
        return forms.isReadable(type, genericType, info, mediaType);
    }

    @Override
    public MultivaluedMap readFrom(Class<MultivaluedMap> type, Type genericType, MediaType mediaType,
            ServerRequestContext context) throws IOException {
        try {
            return forms.readFrom(type, genericType, mediaType, context);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return forms.isReadable(type, genericType, annotations, mediaType);
    }

    @Override
    public MultivaluedMap readFrom(Class<MultivaluedMap> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        try {
            return forms.readFrom(type, genericType, annotations, mediaType, headers, body);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    static ProblemException malformed() {
        return new ProblemException(400, "malformed-form");
    }
}
