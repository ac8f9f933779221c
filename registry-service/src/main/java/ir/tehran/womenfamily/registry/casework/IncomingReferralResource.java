package ir.tehran.womenfamily.registry.casework;

import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A caseworker's view of the referrals other agencies sent in for the women she follows. */
@Path("/referrals/incoming")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Referrals")
@SecurityRequirement(name = "jwt")
public class IncomingReferralResource {

    @Inject
    ReferralService service;

    @GET
    @Operation(operationId = "listIncomingReferrals", summary = "Referrals in that wait for the caller's answer",
        description = "Referrals from other agencies still SENT, newest first: for a caseworker those of the women "
            + "whose case is assigned to her, for an admin all. She answers one with moveReferral.")
    public RestResponse<Page<CaseworkDtos.ReferralView>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.incoming(), r -> r.referral().id.toString())
            .map(r -> CaseworkDtos.ReferralView.of(r.referral(), r.history())));
    }
}
