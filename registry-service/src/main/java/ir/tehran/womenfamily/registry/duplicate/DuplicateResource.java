package ir.tehran.womenfamily.registry.duplicate;

import java.time.Instant;
import java.util.UUID;

import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.Versions;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The review queue of likely duplicates; reviewing is an admin's task. */
@Path("/duplicates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Duplicates", description = "Likely duplicate records and their review")
@RolesAllowed("admin")
public class DuplicateResource {

    /** A pair as the reviewer sees it. */
    @Schema(name = "DuplicateCandidateView")
    public record CandidateView(UUID id, UUID firstId, UUID secondId, DuplicateCandidate.Reason reason,
            float similarity, DuplicateCandidate.State state, Instant foundAt, String decidedBy, Instant decidedAt,
            @Schema(description = "The pair's version: a merge or a split sends it back in If-Match") long version) {

        static CandidateView of(DuplicateCandidate c) {
            return new CandidateView(c.id, c.firstId, c.secondId, c.reason, c.similarity, c.state, c.foundAt,
                c.decidedBy, c.decidedAt, c.version);
        }
    }

    /** The reviewer's choice of the record that survives. */
    @Schema(name = "DuplicateMergeDecision")
    public record MergeDecision(@NotNull UUID survivorId) {
    }

    @Inject
    DuplicateService service;

    @Inject
    Callers callers;

    @GET
    @Operation(operationId = "listDuplicateCandidates", summary = "Pairs waiting for review (or decided ones)",
        description = "For an admin; any other caller is refused 403. Refused: 400 on an invalid parameter or body, "
            + "naming it.")
    public RestResponse<Page<CandidateView>> queue(
            @QueryParam("state") @DefaultValue("OPEN") DuplicateCandidate.State state,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        return Pages.ok(uri, service.queue(state, page).map(CandidateView::of));
    }

    @POST
    @Path("/{id}/distinct")
    @Operation(operationId = "markDuplicateDistinct", summary = "They are two different women",
        description = "For an admin. The pair is closed as two women and leaves the queue. Refused: 404 "
            + "when `id` names no pair; 409 when the pair was decided already.")
    public CandidateView distinct(@PathParam("id") UUID id) {
        return CandidateView.of(service.markDistinct(id, callers.current()));
    }

    @POST
    @Path("/{id}/merge")
    @Operation(operationId = "mergeDuplicate", summary = "They are one woman: merge into the survivor",
        description = "For an admin. Requires If-Match with the pair's `version` as read in the queue: 428 "
            + "without it, 412 when the pair changed since. The survivor (one of the two) keeps the record; "
            + "everything naming the other moves to her, and the other redirects to her. Refused: 400 when "
            + "`survivorId` is not one of the pair; 404 when `id` names no pair; 409 when the pair was decided "
            + "already or the merge would leave a record behind.")
    @APIResponse(responseCode = "200", description = "The merged pair; its ETag is its new version",
        content = @Content(schema = @Schema(implementation = CandidateView.class)))
    public Response merge(@PathParam("id") UUID id, @Valid @NotNull MergeDecision decision,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        DuplicateCandidate c = service.merge(id, Versions.required(ifMatch), decision.survivorId(), callers.current());
        return Response.ok(CandidateView.of(c)).tag(Versions.etag(c.version)).build();
    }

    @POST
    @Path("/{id}/split")
    @Operation(operationId = "splitMergedDuplicate",
        summary = "Undo the pair's merge: both records as they were, the pair open for review again",
        description = "For an admin. Requires If-Match with the merged pair's `version` (the merge's "
            + "ETag): 428 without it, 412 when the pair changed since. Both records are restored as they were "
            + "before the merge. Refused: 404 when `id` names no pair; 409 when the pair was never merged, is "
            + "split already, or its survivor was merged again since.")
    @APIResponse(responseCode = "200", description = "The pair, open again; its ETag is its new version",
        content = @Content(schema = @Schema(implementation = CandidateView.class)))
    public Response split(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        DuplicateCandidate c = service.split(id, Versions.required(ifMatch), callers.current());
        return Response.ok(CandidateView.of(c)).tag(Versions.etag(c.version)).build();
    }
}
