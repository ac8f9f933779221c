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
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.QueryParam;
import ir.tehran.womenfamily.support.web.http.Delta;
import java.time.Instant;

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
        summary = "My pledges and their money",
        description = "A delta feed for the app's cache: without updatedSince, all of them; with the syncToken of "
            + "the last sync as updatedSince, those that changed since (an ended or suspended sponsorship shows "
            + "as ENDED, with no reason).")
    public RestResponse<Delta<SponsorViewDtos.SponsorshipView>> sponsorships(
            @QueryParam(Delta.UPDATED_SINCE) String updatedSince, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Instant since = Delta.updatedSince(updatedSince);
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, delta(page, service.sponsorshipFeed(access.sponsorId(), since)));
    }

    @GET
    @Path("/sponsorships/{id}")
    @Operation(operationId = "getMySponsorship",
        summary = "One of my pledges (404 for anyone else's)",
        description = "For a sponsor (only her own records); any other caller is refused 403. Refused: 404 when `id` "
            + "names nothing the caller may see.")
    public SponsorViewDtos.SponsorshipView sponsorship(@PathParam("id") UUID id) {
        return service.sponsorship(access.sponsorId(), id)
            .orElseThrow(() -> ProblemException.notFound("pledge", id));
    }

    @GET
    @Path("/children")
    @Operation(operationId = "listMySponsoredChildren",
        summary = "The children I support: a code, age, grade and progress",
        description = "A delta feed for the app's cache: without updatedSince, all of them; with the syncToken of "
            + "the last sync as updatedSince, those that changed since, and in deleted the codes of the children "
            + "she no longer supports (the same whether the sponsorship ended or was suspended; no reason).")
    public RestResponse<Delta<SponsorViewDtos.ChildView>> children(
            @QueryParam(Delta.UPDATED_SINCE) String updatedSince, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Instant since = Delta.updatedSince(updatedSince);
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, delta(page, service.childFeed(access.sponsorId(), since)));
    }

    @GET
    @Path("/children/{code}")
    @Operation(operationId = "getMySponsoredChild",
        summary = "One child I support, by my code for her (404 otherwise)",
        description = "For a sponsor (only her own records); any other caller is refused 403. Refused: 404 when "
            + "`code` names nothing the caller may see.")
    public SponsorViewDtos.ChildView child(@PathParam("code") @Pattern(regexp = "[A-Za-z0-9-]{4,20}") String code) {
        return service.child(access.sponsorId(), code)
            .orElseThrow(() -> ProblemException.notFound("child", code));
    }

    /** One page of the feed; the tombstones come with the first page only. */
    private static <T> Delta<T> delta(PageRequest page, SponsorFeed.Sync<T> sync) {
        List<Delta.Tombstone> deleted = page.cursor() != null ? List.of()
            : sync.removed().stream().map(r -> new Delta.Tombstone(r.key(), r.removedAt())).toList();
        return Delta.of(page.slice(sync.items(), SponsorFeed.Change::key).map(SponsorFeed.Change::item), deleted,
            sync.token());
    }
}
