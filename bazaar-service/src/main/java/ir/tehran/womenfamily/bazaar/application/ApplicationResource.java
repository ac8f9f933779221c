package ir.tehran.womenfamily.bazaar.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.bazaar.producer.Publication;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.http.Delta;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Applications. A producer applies, reads and withdraws only for the businesses her token names; another
 * producer's application is 404 to her, not 403, so she cannot learn that it exists.
 */
@Path("/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "A business applies to a bazaar for a stall")
@SecurityRequirement(name = "jwt")
public class ApplicationResource {

    @Inject
    ApplicationService service;

    @Inject
    BazaarAccess access;

    @Inject
    Callers callers;

    @Inject
    Publication publication;

    @GET
    @Path("/mine")
    @RolesAllowed(BazaarAccess.PRODUCER)
    @Operation(operationId = "listMyBazaarApplications",
        summary = "Every application of the businesses her token names, or (updatedSince) those changed since "
        + "her last sync: a delta feed for the producer app",
        description = "For a producer (only her own businesses' records); any other caller is refused 403.")
    public RestResponse<Delta<ApplicationDtos.ApplicationView>> mine(
            @Parameter(description = "The syncToken of the last complete sync: only what changed or was removed since")
            @QueryParam("updatedSince") String updatedSince,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Instant token = Delta.token();
        Instant since = Delta.updatedSince(updatedSince);
        PageRequest request = PageRequest.of(limit, cursor);
        Page<Application> page = request.slice(service.ofBusinesses(callers.current().businesses(), since),
            a -> a.id.toString());
        // an application is never removed: a withdrawal is a change, sent with its status and reason
        return Pages.ok(uri, Delta.of(Page.of(ApplicationDtos.ApplicationView.of(page.items(), publication),
            page.nextCursor()), List.of(), token));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PRODUCER, BazaarAccess.PARTNER_APP})
    @Operation(operationId = "getBazaarApplication", summary = "One application",
        description = "For an admin, a bazaar coordinator, a producer (only her own businesses' records) and a "
            + "partner app with the scope `bazaar.read`; any other caller is refused 403. Refused: 404 when `id` "
            + "names nothing the caller may see.")
    public ApplicationDtos.ApplicationView get(@PathParam("id") UUID id) {
        if (!access.isProducer()) {
            access.requireStaffOrReader();
        }
        return service.find(id)
            .filter(a -> !access.isProducer() || access.actsFor(a.businessId))
            .map(a -> ApplicationDtos.ApplicationView.of(a, publication))
            .orElseThrow(() -> ProblemException.notFound("application", id));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PRODUCER})
    @Operation(operationId = "withdrawBazaarApplication",
        summary = "Withdraw an application; her published stalls still to come go to the waitlist",
        description = "For an admin, a bazaar coordinator and a producer (only her own businesses' records); any "
            + "other caller is refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public ApplicationDtos.ApplicationView withdraw(@PathParam("id") UUID id) {
        Application a = service.find(id).filter(x -> access.actsFor(x.businessId))
            .orElseThrow(() -> ProblemException.notFound("application", id));
        Application.WithdrawalReason reason = access.isStaff() ? Application.WithdrawalReason.BY_COORDINATOR
            : Application.WithdrawalReason.BY_PRODUCER;
        return ApplicationDtos.ApplicationView.of(service.withdraw(a.id, reason), publication);
    }
}
