package ir.tehran.womenfamily.sponsorship.child;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.sponsorship.SponsorshipConfig;
import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.sponsorship.common.Page;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
        summary = "The roster, filtered and paged")
    public Page<ChildDtos.ChildSummary> list(@QueryParam("district") @Min(1) @Max(22) Short district,
            @QueryParam("status") Child.Status status, @QueryParam("giftedCandidate") Boolean giftedCandidate,
            @QueryParam("atRisk") Boolean atRisk,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Page<ChildService.Row> rows = service.list(new ChildService.Filter(district, status, giftedCandidate, atRisk,
            access.scope()),
            page, size);
        LocalDate today = Tehran.today(clock);
        return new Page<>(rows.items().stream().map(r -> ChildDtos.ChildSummary.of(r.child(), r.atRisk(), today))
            .toList(),
            rows.page(), rows.size(), rows.total());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRosterChild",
        summary = "One child of the roster")
    public ChildDtos.ChildView get(@PathParam("id") UUID id) {
        access.requireChild(id);
        return service.detail(id).map(d -> ChildDtos.ChildView.of(d, Tehran.today(clock), config.ageOut().age()))
            .orElseThrow(() -> ProblemException.notFound("child", id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "listRosterChildHistory",
        summary = "What happened to her, oldest first; kept after she ages out")
    public List<ChildDtos.HistoryLine> history(@PathParam("id") UUID id) {
        access.requireChild(id);
        service.find(id).orElseThrow(() -> ProblemException.notFound("child", id));
        return service.history(id).stream().map(ChildDtos.HistoryLine::of).toList();
    }
}
