package ir.tehran.womenfamily.bazaar.allocation;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.bazaar.producer.Publication;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.Messages;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/bazaars/{bazaarId}/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocations", description = "Fair allocation of stalls: solve in the background, explain, publish")
@SecurityRequirement(name = "jwt")
public class AllocationResource {

    @Inject
    AllocationRuns service;

    @Inject
    AllocationRunner runner;

    @Inject
    AllocationExplanations explanations;

    @Inject
    AllocationViews allocationViews;

    @Inject
    AllocationPublisher publisher;

    @Inject
    BazaarAccess access;

    @Inject
    Callers callers;

    @Inject
    Publication publication;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(operationId = "startAllocationRun",
        summary = "Start an allocation (or a re-solve of the published one) in the background; 202",
        description = "Takes an Idempotency-Key: a retry with the same key and body answers the first 202 again "
            + "(Idempotent-Replayed) and starts no second run; the same key with another body is a 422. The run is "
            + "solved once the start is committed; follow Location for its progress.")
    @APIResponse(responseCode = "202", description = "Started; follow Location for its progress",
        headers = @Header(name = "Location", description = "The run",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AllocationDtos.RunView.class)))
    @IdempotentCreate
    public Response start(@PathParam("bazaarId") UUID bazaarId, @Valid AllocationDtos.Start request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        AllocationRun run = service.start(bazaarId, request, callers.current().subject());
        runner.launchOnCommit(run, request == null ? null : request.moveLimit());
        URI location = uri.getAbsolutePathBuilder().path(run.id.toString()).build();
        return Response.accepted(AllocationDtos.RunView.of(run, runner.progress(run.id))).location(location).build();
    }

    @GET
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PARTNER_APP})
    @Operation(operationId = "listAllocationRuns", summary = "The bazaar's allocation runs",
        description = "For an admin, a bazaar coordinator and a partner app with the scope `bazaar.read`; any other "
            + "caller is refused 403. Refused: 404 when `bazaarId` names nothing the caller may see.")
    public RestResponse<Page<AllocationDtos.RunView>> runs(@PathParam("bazaarId") UUID bazaarId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        access.requireStaffOrReader();
        return Pages.ok(uri, PageRequest.of(limit, cursor).slice(service.runs(bazaarId), r -> r.id.toString())
            .map(r -> AllocationDtos.RunView.of(r, runner.progress(r.id))));
    }

    @GET
    @Path("/{runId}")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PARTNER_APP})
    @Operation(operationId = "getAllocationRun",
        summary = "One run: its status, score and, while solving, its progress",
        description = "For an admin, a bazaar coordinator and a partner app with the scope `bazaar.read`; any other "
            + "caller is refused 403. Refused: 404 when the path names nothing the caller may see.")
    public AllocationDtos.RunView run(@PathParam("bazaarId") UUID bazaarId, @PathParam("runId") UUID runId) {
        access.requireStaffOrReader();
        return service.run(bazaarId, runId).map(r -> AllocationDtos.RunView.of(r, runner.progress(r.id)))
            .orElseThrow(() -> ProblemException.notFound("allocation", runId));
    }

    @POST
    @Path("/{runId}/stop")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(operationId = "stopAllocationRun",
        summary = "Stop a solving run now; it keeps the best allocation found so far",
        description = "For an admin and a bazaar coordinator; any other caller is refused 403. Refused: 404 when the "
            + "path names nothing the caller may see.")
    @APIResponse(responseCode = "202", description = "Asked to stop; the run keeps its best allocation")
    public Response stop(@PathParam("bazaarId") UUID bazaarId, @PathParam("runId") UUID runId) {
        service.run(bazaarId, runId).orElseThrow(() -> ProblemException.notFound("allocation", runId));
        if (!runner.stop(runId)) {
            throw new ProblemException(409, "run-not-solving");
        }
        return Response.accepted().build();
    }

    @POST
    @Path("/{runId}/publish")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(operationId = "publishAllocationRun",
        summary = "Publish a solved run: the bazaar is published, producers are told, the waitlisted get "
        + "dated offers",
        description = "For an admin and a bazaar coordinator; any other caller is refused 403. Refused: 404 when the "
            + "path names nothing the caller may see.")
    public AllocationDtos.RunView publish(@PathParam("bazaarId") UUID bazaarId, @PathParam("runId") UUID runId) {
        return AllocationDtos.RunView.of(publisher.publish(bazaarId, runId), null);
    }

    @GET
    @Path("/{runId}/assignments")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PARTNER_APP, BazaarAccess.PRODUCER})
    @Operation(operationId = "listAllocationRunAssignments",
        summary = "A run's stalls with their score breakdown and reasons (a producer sees only hers)",
        description = "For an admin, a bazaar coordinator, a producer (only her own businesses' records) and a "
            + "partner app with the scope `bazaar.read`; any other caller is refused 403. Refused: 404 when the path "
            + "names nothing the caller may see.")
    public RestResponse<Page<AllocationDtos.AssignmentView>> assignments(@PathParam("bazaarId") UUID bazaarId,
            @PathParam("runId") UUID runId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        boolean producerOnly = access.isProducer() && !access.isStaff();
        access.requireBazaar(bazaarId);
        AllocationRun run = service.run(bazaarId, runId)
            .filter(r -> !producerOnly || r.status == AllocationRun.Status.PUBLISHED)
            .orElseThrow(() -> ProblemException.notFound("allocation", runId));
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        PageRequest request = PageRequest.of(limit, cursor);
        Page<Assignment> page = request.slice(service.assignments(run.id,
            producerOnly ? callers.current().businesses() : null), a -> a.id.toString());
        Map<UUID, Publication.Shown> shown = publication.of(page.items().stream().map(a -> a.businessId).toList());
        return Pages.ok(uri, page.map(a -> AllocationDtos.AssignmentView.of(a, shown.get(a.businessId),
            explanations.read(a.explanation), locale)));
    }

    @GET
    @Path("/{runId}/waitlist")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PARTNER_APP})
    @Operation(operationId = "listAllocationRunWaitlist",
        summary = "Applications the run could not place, by priority, with their explanations",
        description = "For an admin, a bazaar coordinator and a partner app with the scope `bazaar.read`; any other "
            + "caller is refused 403. Refused: 404 when the path names nothing the caller may see.")
    public RestResponse<Page<AllocationDtos.WaitlistView>> waitlist(@PathParam("bazaarId") UUID bazaarId,
            @PathParam("runId") UUID runId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        access.requireStaffOrReader();
        PageRequest request = PageRequest.of(limit, cursor);
        AllocationRun run = service.run(bazaarId, runId)
            .orElseThrow(() -> ProblemException.notFound("allocation", runId));
        Page<AllocationViews.Waiting> page = request.slice(allocationViews.waitlist(run.id),
            w -> w.applicationId().toString());
        Map<UUID, Publication.Shown> shown = publication.of(page.items().stream().map(w -> w.businessId()).toList());
        return Pages.ok(uri, page.map(w -> AllocationDtos.WaitlistView.of(w, shown.get(w.businessId()))));
    }
}
