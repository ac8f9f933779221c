package ir.tehran.womenfamily.sponsorship.sponsorview;

import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The sponsor's own pages; her benefactor id comes from the {@code sponsor_id} claim of her token. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sponsor", description = "A sponsor's own sponsorships and the children she supports, pseudonymised")
@SecurityRequirement(name = "jwt")
@RolesAllowed("sponsor")
public class SponsorViewResource {

    @Inject
    SponsorViewService service;

    @Inject
    Access access;

    @GET
    @Path("/sponsorships")
    @Operation(operationId = "listMySponsorships",
        summary = "My pledges and their money")
    public List<SponsorViewDtos.SponsorshipView> sponsorships() {
        return service.sponsorships(access.sponsorId());
    }

    @GET
    @Path("/sponsorships/{id}")
    @Operation(operationId = "getMySponsorship",
        summary = "One of my pledges (404 for anyone else's)")
    public SponsorViewDtos.SponsorshipView sponsorship(@PathParam("id") UUID id) {
        return service.sponsorship(access.sponsorId(), id)
            .orElseThrow(() -> ProblemException.notFound("pledge", id));
    }

    @GET
    @Path("/children")
    @Operation(operationId = "listMySponsoredChildren",
        summary = "The children I support: a code, age, grade and progress")
    public List<SponsorViewDtos.ChildView> children() {
        return service.children(access.sponsorId());
    }

    @GET
    @Path("/children/{code}")
    @Operation(operationId = "getMySponsoredChild",
        summary = "One child I support, by my code for her (404 otherwise)")
    public SponsorViewDtos.ChildView child(@PathParam("code") @Pattern(regexp = "[A-Za-z0-9-]{4,20}") String code) {
        return service.child(access.sponsorId(), code)
            .orElseThrow(() -> ProblemException.notFound("child", code));
    }
}
