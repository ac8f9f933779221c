package ir.tehran.womenfamily.support.problem;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body that is JSON but does not fit its type (an unknown enum constant such as {@code "FAX"}, a string
 * where a number goes, an unknown field) as the same problem+json 400 with the field's path. Quarkus has
 * a built-in mapper for {@link MismatchedInputException} that answers plain JSON, and a mapper for the
 * exact type wins over {@link ProblemMappers}' mapper for its superclass.
 */
public class MismatchedInputMapper {

    private final ProblemMappers mappers = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return mappers.unreadableJson(e, headers, uri);
    }
}
