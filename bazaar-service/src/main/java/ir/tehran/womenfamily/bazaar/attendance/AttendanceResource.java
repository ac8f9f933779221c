package ir.tehran.womenfamily.bazaar.attendance;

import java.util.Map;
import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.bazaar.producer.Publication;
import java.util.Locale;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.allocation.AllocationDtos;
import ir.tehran.womenfamily.bazaar.allocation.AllocationExplanations;
import ir.tehran.womenfamily.bazaar.allocation.Assignment;
import ir.tehran.womenfamily.support.problem.Messages;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/bazaars/{bazaarId}/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Attendance", description = "Published stalls: the producer confirms, the coordinator records no-shows")
@SecurityRequirement(name = "jwt")
public class AttendanceResource {

    @Inject
    AttendanceService service;

    @Inject
    AllocationExplanations explanations;

    @Inject
    BazaarAccess access;

    @Inject
    Callers callers;

    @Inject
    Publication publication;

    @GET
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PARTNER_APP, BazaarAccess.PRODUCER})
    @Operation(operationId = "listPublishedStalls",
        summary = "The stalls of the published allocation (a producer sees only hers)",
        description = "For an admin, a bazaar coordinator, a producer (only her own businesses' records) and a "
            + "partner app with the scope `bazaar.read`; any other caller is refused 403. Refused: 404 when "
            + "`bazaarId` names nothing the caller may see.")
    public RestResponse<Page<AllocationDtos.AssignmentView>> list(@PathParam("bazaarId") UUID bazaarId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        boolean producerOnly = access.isProducer() && !access.isStaff();
        access.requireBazaar(bazaarId);
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        PageRequest request = PageRequest.of(limit, cursor);
        Page<Assignment> page = request.slice(service.published(bazaarId,
            producerOnly ? callers.current().businesses() : null), a -> a.id.toString());
        Map<UUID, Publication.Shown> shown = publication.of(page.items().stream().map(a -> a.businessId).toList());
        return Pages.ok(uri, page.map(a -> AllocationDtos.AssignmentView.of(a, shown.get(a.businessId),
            explanations.read(a.explanation), locale)));
    }

    @POST
    @Path("/{assignmentId}/confirm")
    @RolesAllowed({BazaarAccess.PRODUCER, BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(operationId = "confirmStall", summary = "She confirms she will come",
        description = "For an admin, a bazaar coordinator and a producer (only her own businesses' records); any "
            + "other caller is refused 403. Refused: 404 when the path names nothing the caller may see.")
    public AllocationDtos.AssignmentView confirm(@PathParam("bazaarId") UUID bazaarId,
            @PathParam("assignmentId") UUID assignmentId, @Context HttpHeaders headers) {
        Assignment a = hers(bazaarId, assignmentId);
        return view(service.confirm(a.id, callers.current().subject()), headers);
    }

    @POST
    @Path("/{assignmentId}/no-show")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(operationId = "recordStallNoShow",
        summary = "Record that she did not come; her stall is offered to the waitlist",
        description = "For an admin and a bazaar coordinator; any other caller is refused 403. Refused: 404 when the "
            + "path names nothing the caller may see.")
    public AllocationDtos.AssignmentView noShow(@PathParam("bazaarId") UUID bazaarId,
            @PathParam("assignmentId") UUID assignmentId, @Context HttpHeaders headers) {
        Assignment a = service.find(bazaarId, assignmentId)
            .orElseThrow(() -> ProblemException.notFound("assignment", assignmentId));
        return view(service.noShow(a.id, callers.current().subject()), headers);
    }

    private Assignment hers(UUID bazaarId, UUID assignmentId) {
        return service.find(bazaarId, assignmentId).filter(a -> access.actsFor(a.businessId))
            .orElseThrow(() -> ProblemException.notFound("assignment", assignmentId));
    }

    private AllocationDtos.AssignmentView view(Assignment a, HttpHeaders headers) {
        return AllocationDtos.AssignmentView.of(a, publication.of(a.businessId),
            explanations.read(a.explanation), Messages.choose(headers.getAcceptableLanguages()));
    }
}
