package ir.tehran.womenfamily.bazaar.application;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.bazaar.producer.Publication;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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

/** A bazaar's applications. A producer applies and reads only for the businesses her token names. */
@Path("/bazaars/{bazaarId}/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "A business applies to a bazaar for a stall")
@SecurityRequirement(name = "jwt")
public class BazaarApplicationResource {

    @Inject
    ApplicationService service;

    @Inject
    BazaarAccess access;

    @Inject
    Callers callers;

    @Inject
    Publication publication;

    @POST
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PRODUCER})
    @Operation(operationId = "applyToBazaar",
        summary = "Apply for a stall: ranked venues, days, 1 or 2 stalls, power and cooking needs",
        description = "For an admin, a bazaar coordinator and a producer (only her own businesses' records); any "
            + "other caller is refused 403. Refused: 404 when `bazaarId` names nothing the caller may see; 422 when "
            + "an Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Applied",
        headers = @Header(name = "Location", description = "The new application",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApplicationDtos.ApplicationView.class)))
    @IdempotentCreate
    public Response apply(@PathParam("bazaarId") UUID bazaarId, @Valid @NotNull ApplicationDtos.Apply request,
            @Context UriInfo uri, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        if (!access.actsFor(request.businessId())) {
            throw ProblemException.notFound("producer", request.businessId());
        }
        Application a = service.apply(bazaarId, request);
        URI location = uri.getBaseUriBuilder().path("applications").path(a.id.toString()).build();
        return Response.created(location).entity(ApplicationDtos.ApplicationView.of(a, publication)).build();
    }

    @GET
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PRODUCER, BazaarAccess.PARTNER_APP})
    @Operation(operationId = "listBazaarApplications",
        summary = "A bazaar's applications (a producer sees only her own)",
        description = "For an admin, a bazaar coordinator, a producer (only her own businesses' records) and a "
            + "partner app with the scope `bazaar.read`; any other caller is refused 403. Refused: 404 when "
            + "`bazaarId` names nothing the caller may see.")
    public RestResponse<Page<ApplicationDtos.ApplicationView>> ofBazaar(@PathParam("bazaarId") UUID bazaarId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        access.requireBazaar(bazaarId);
        PageRequest request = PageRequest.of(limit, cursor);
        List<Application> all = service.ofBazaar(bazaarId,
            access.isProducer() && !access.isStaff() ? callers.current().businesses() : null);
        Page<Application> page = request.slice(all, a -> a.id.toString());
        return Pages.ok(uri, Page.of(ApplicationDtos.ApplicationView.of(page.items(), publication),
            page.nextCursor()));
    }
}
