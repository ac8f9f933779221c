package ir.tehran.womenfamily.sponsorship.child;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.sponsorship.SponsorshipConfig;
import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import ir.tehran.womenfamily.support.web.http.Cursor;
import java.util.stream.IntStream;

@Path("/children")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Children", description = "The roster of children under 20, built from the registry's events")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class ChildResource {

    @Inject
    ChildService service;

    @Inject
    Clock clock;

    @Inject
    SponsorshipConfig config;

    @Inject
    Access access;

    @GET
    @Operation(operationId = "listRosterChildren",
        summary = "The roster, filtered and paged",
        description = "For an admin and a sponsorship officer; any other caller is refused 403.")
    public RestResponse<Page<ChildDtos.ChildSummary>> list(@QueryParam("district") @Min(1) @Max(22) Short district,
            @QueryParam("status") Child.Status status, @QueryParam("giftedCandidate") Boolean giftedCandidate,
            @QueryParam("atRisk") Boolean atRisk, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        Cursor after = page.cursor();
        List<ChildService.Row> rows = service.list(new ChildService.Filter(district, status, giftedCandidate, atRisk,
            access.scope()), after == null ? null : after.instant(0), after == null ? null : after.uuid(1),
            page.fetchSize());
        LocalDate today = Tehran.today(clock);
        return Pages.ok(uri, page.page(rows, r -> Cursor.of(r.child().firstSeenAt, r.child().id))
            .map(r -> ChildDtos.ChildSummary.of(r.child(), r.atRisk(), today)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRosterChild",
        summary = "One child of the roster",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public ChildDtos.ChildView get(@PathParam("id") UUID id) {
        access.requireChild(id);
        return service.detail(id).map(d -> ChildDtos.ChildView.of(d, Tehran.today(clock), config.ageOut().age()))
            .orElseThrow(() -> ProblemException.notFound("child", id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "listRosterChildHistory",
        summary = "What happened to her, oldest first; kept after she ages out",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public RestResponse<Page<ChildDtos.HistoryLine>> history(@PathParam("id") UUID id,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        access.requireChild(id);
        service.find(id).orElseThrow(() -> ProblemException.notFound("child", id));
        List<ChildDtos.HistoryLine> lines = service.history(id).stream().map(ChildDtos.HistoryLine::of).toList();
        // the lines have no id of their own: a line is its position in her history, which only grows at its end
        return Pages.ok(uri, page.slice(IntStream.range(0, lines.size()).boxed().toList(), String::valueOf)
            .map(lines::get));
    }
}
