package ir.tehran.womenfamily.registry.dci;

import java.util.Arrays;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ir.tehran.womenfamily.support.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The DCI Social Registry API v1.0.0 for agencies, under {@code /dci/registry} here; the gateway serves it at
 * {@code /registry/...}, the paths of the standard. Only an agency client holding the scope
 * {@value #SCOPE} may call it.
 */
@Path("/dci/registry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("agency")
@Tag(name = "DCI social registry", description = "The DCI Social Registry API for agencies (SPDCI v1.0.0)")
@SecurityRequirement(name = "jwt")
public class DciResource {

    /** The scope an agency client needs for the DCI API. */
    public static final String SCOPE = "dci.registry.search";

    @Inject
    DciSearch search;

    @Inject
    JsonWebToken token;

    @POST
    @Path("/sync/search")
    @Operation(operationId = "dciSyncSearch", summary = "Search women by national code (DCI sync search)",
        description = "Answers at once with an on-search message; a woman is in it only under her active "
            + "SHARE_WITH_AGENCY consent for the calling agency.")
    public DciDtos.SearchResponseEnvelope syncSearch(@Valid @NotNull DciDtos.SearchEnvelope request) {
        requireScope(token);
        return search.search(request);
    }

    /** Every DCI operation needs the scope {@value #SCOPE}: a 403 {@code dci-scope} without it. */
    static void requireScope(JsonWebToken token) {
        Object scope = token.getClaim("scope");
        if (scope == null || Arrays.stream(scope.toString().split(" ")).noneMatch(SCOPE::equals)) {
            throw new ProblemException(403, "dci-scope");
        }
    }
}
