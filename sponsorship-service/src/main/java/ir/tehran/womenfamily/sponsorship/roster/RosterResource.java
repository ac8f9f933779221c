package ir.tehran.womenfamily.sponsorship.roster;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.child.AgeOutService;
import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import jakarta.ws.rs.HeaderParam;

@Path("/roster")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roster maintenance", description = "Rebuilding the roster from the registry's topics; the age-out run")
@SecurityRequirement(name = "jwt")
public class RosterResource {

    @Inject
    RosterReplay replay;

    @Inject
    AgeOutService ageOut;

    @Inject
    Access access;

    @Inject
    Callers callers;

    /** A replay as reported. */
    @Schema(name = "RosterReplay")
    public record ReplayView(UUID id, RosterReplayRun.Status status, Instant startedAt, Instant finishedAt,
            Long durationMillis, long eventsRead, long eventsSkipped, Long children) {

        static ReplayView of(RosterReplayRun r) {
            return new ReplayView(r.id, r.status, r.startedAt, r.finishedAt,
                r.finishedAt == null ? null : Duration.between(r.startedAt, r.finishedAt).toMillis(), r.eventsRead,
                r.eventsFailed, r.children);
        }
    }

    @POST
    @IdempotentCreate
    @Path("/replays")
    @RolesAllowed("admin")
    @Operation(operationId = "replayRoster",
        summary = "Rebuild the roster by replaying the registry's topics from the beginning",
        description = "Runs to the end before answering. Idempotent: over an intact roster it changes nothing.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The replay's report's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(schema = @Schema(implementation = ReplayView.class)))
    public Response replay(@Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        RosterReplayRun run = replay.replay(callers.current().subject());
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + run.id)).entity(ReplayView.of(run)).build();
    }

    @GET
    @Path("/replays/{id}")
    @RolesAllowed("admin")
    @Operation(operationId = "getRosterReplay",
        summary = "One replay's report",
        description = "For an admin; any other caller is refused 403. Refused: 404 when `id` names nothing the "
            + "caller may see.")
    public ReplayView replayReport(@PathParam("id") UUID id) {
        return replay.find(id).map(ReplayView::of).orElseThrow(() -> ProblemException.notFound("replay", id));
    }

    @POST
    @Path("/age-out-runs")
    @RolesAllowed({"admin", "sponsorship-officer"})
    @Operation(operationId = "runAgeOut",
        summary = "Run today's age-out now (the daily job does the same)",
        description = "For an admin and a sponsorship officer; any other caller is refused 403.")
    public AgeOutService.Report ageOutNow() {
        AgeOutService.Report report = ageOut.runToday();
        if (access.scope().all()) {
            return report;
        }
        // the run is city-wide; an officer limited to districts hears only of her districts' children
        var visible = access.visible(report.children());
        List<UUID> hers = report.children().stream().filter(visible::contains).toList();
        return new AgeOutService.Report(report.on(), report.onJalali(), hers.size(), hers);
    }
}
