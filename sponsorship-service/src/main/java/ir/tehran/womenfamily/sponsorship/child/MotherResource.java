package ir.tehran.womenfamily.sponsorship.child;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.sponsorship.mother.Mother;
import ir.tehran.womenfamily.sponsorship.common.Scope;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.QueryParam;

/** A mother as the API shows her, with her children (in this package for the reason given on MotherService). */
@Path("/mothers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mothers", description = "Registered women whose children the service may support")
@SecurityRequirement(name = "SecurityScheme")
public class MotherResource {

    @Inject
    MotherService service;

    @Inject
    Clock clock;

    @Inject
    Access access;

    /** What sponsorship knows of a mother; {@code mergedInto} is the record her household belongs to now. */
    @Schema(name = "RosterMother")
    public record MotherView(UUID beneficiaryId, Short district, String registeredOn, Instant firstSeenAt,
            Mother.Status status, Mother.SupportLevel supportLevel, UUID mergedInto) {

        /** {@code mergedInto}: the record she stands for now, when she was merged away; else null. */
        static MotherView of(Mother m, UUID mergedInto) {
            return new MotherView(m.beneficiaryId, m.district, m.registeredOn, m.firstSeenAt, m.status,
                m.supportLevel, mergedInto);
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "sponsorship-officer"})
    @Operation(operationId = "getRosterMother",
        summary = "A mother known from the registry's events",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public MotherView get(@PathParam("id") UUID id) {
        return service.find(id).filter(this::visible)
            .map(m -> MotherView.of(m, m.mergedInto == null ? null : service.survivor(m.beneficiaryId)))
            .orElseThrow(() -> ProblemException.notFound("mother", id));
    }

    @GET
    @Path("/{id}/children")
    @RolesAllowed({"admin", "sponsorship-officer"})
    @Operation(operationId = "listRosterMotherChildren",
        summary = "Her children in the roster (after merges), active or not",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public RestResponse<Page<ChildDtos.ChildSummary>> children(@PathParam("id") UUID id,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        Scope scope = access.scope();
        LocalDate today = Tehran.today(clock);
        return Pages.ok(uri, page.slice(service.children(id).stream().filter(c -> scope.sees(c.district))
            .map(c -> ChildDtos.ChildSummary.of(c, false, today)).toList(), c -> c.id().toString()));
    }

    /** An officer limited to districts sees a mother of her districts, or one with a child there. */
    private boolean visible(Mother m) {
        Scope scope = access.scope();
        return scope.sees(m.district)
            || service.children(m.beneficiaryId).stream().anyMatch(c -> scope.sees(c.district));
    }
}
