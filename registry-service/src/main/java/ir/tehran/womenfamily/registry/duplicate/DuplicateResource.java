package ir.tehran.womenfamily.registry.duplicate;

import java.time.Instant;
import java.util.UUID;

import ir.tehran.womenfamily.support.security.Callers;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
            float similarity, DuplicateCandidate.State state, Instant foundAt, String decidedBy, Instant decidedAt) {

        static CandidateView of(DuplicateCandidate c) {
            return new CandidateView(c.id, c.firstId, c.secondId, c.reason, c.similarity, c.state, c.foundAt,
                c.decidedBy, c.decidedAt);
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
    @Operation(operationId = "listDuplicateCandidates", summary = "Pairs waiting for review (or decided ones)")
    public RestResponse<Page<CandidateView>> queue(
            @QueryParam("state") @DefaultValue("OPEN") DuplicateCandidate.State state,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        return Pages.ok(uri, service.queue(state, page).map(CandidateView::of));
    }

    @POST
    @Path("/{id}/distinct")
    @Operation(operationId = "markDuplicateDistinct", summary = "They are two different women")
    public CandidateView distinct(@PathParam("id") UUID id) {
        return CandidateView.of(service.markDistinct(id, callers.current()));
    }

    @POST
    @Path("/{id}/merge")
    @Operation(operationId = "mergeDuplicate", summary = "They are one woman: merge into the survivor")
    public CandidateView merge(@PathParam("id") UUID id, @Valid @NotNull MergeDecision decision) {
        return CandidateView.of(service.merge(id, decision.survivorId(), callers.current()));
    }

    @POST
    @Path("/{id}/split")
    @Operation(operationId = "splitMergedDuplicate",
        summary = "Undo the pair's merge: both records as they were, the pair open for review again")
    public CandidateView split(@PathParam("id") UUID id) {
        return CandidateView.of(service.split(id, callers.current()));
    }
}
