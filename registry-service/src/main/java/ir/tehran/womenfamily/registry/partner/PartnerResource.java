package ir.tehran.womenfamily.registry.partner;

import java.util.UUID;

import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The partner read API: a partner application (role {@code partner-app}, scope {@code registry.basic.read})
 * reads the women who consented to share with it, and only their minimal facts ({@link PartnerReads}).
 */
@Path("/partner/women")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("partner-app")
@Tag(name = "Partner read API", description = "The women who consented to share with the calling partner "
    + "application, minimal facts only (scope registry.basic.read)")
@SecurityRequirement(name = "jwt")
public class PartnerResource {

    /** The scope a partner application needs to read anything here. */
    public static final String SCOPE = "registry.basic.read";

    @Inject
    PartnerReads reads;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listPartnerWomen", summary = "The women who consented to share with this partner",
        description = "A page (cursor, limit 1-200, by id) of the women whose active SHARE_WITH_AGENCY consent "
            + "covers the calling partner (its client id as registry.agency-check.agencies names it), each with "
            + "her id, name and registration day only. Every woman listed is written to her disclosure log and "
            + "audited. A partner no woman consented to gets an empty page; 403 without registry.basic.read.")
    public RestResponse<Page<PartnerDtos.PartnerWoman>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        Caller caller = requireScope();
        return Pages.ok(uri, reads.list(caller, PageRequest.of(limit, cursor, 1)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPartnerWoman", summary = "One woman who consented to share with this partner",
        description = "Her id, name and registration day, when her active SHARE_WITH_AGENCY consent covers the "
            + "calling partner; written to her disclosure log and audited. Without that consent the answer is the "
            + "404 problem of an id nobody has. 403 without registry.basic.read.")
    @APIResponse(responseCode = "200", description = "The woman",
        content = @Content(schema = @Schema(implementation = PartnerDtos.PartnerWoman.class)))
    public PartnerDtos.PartnerWoman get(@PathParam("id") UUID id) {
        return reads.read(requireScope(), id);
    }

    private Caller requireScope() {
        Caller caller = callers.current();
        if (!caller.scopes().contains(SCOPE)) {
            throw new ProblemException(403, "partner-scope");
        }
        return caller;
    }
}
