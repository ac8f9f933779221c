package ir.tehran.womenfamily.sponsorship.giftedschool;

import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import jakarta.ws.rs.PathParam;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.QueryParam;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import jakarta.ws.rs.HeaderParam;

@Path("/children/{childId}/school-applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Gifted-school pipeline")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class ChildSchoolApplicationResource {

    @Inject
    GiftedSchoolService service;

    @Inject
    Access access;

    @Inject
    Callers callers;

    @POST
    @IdempotentCreate
    @Operation(operationId = "planSchoolApplication",
        summary = "Plan an application for a gifted candidate",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`childId` names nothing the caller may see; 422 when an Idempotency-Key is reused for another "
            + "request.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The new application's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(schema = @Schema(implementation = GiftedSchoolDtos.ApplicationView.class)))
    public Response plan(@PathParam("childId") UUID childId, @Valid @NotNull GiftedSchoolDtos.NewApplication request,
            @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        access.requireChild(childId);
        SchoolApplication a = service.plan(childId, request, callers.current().subject());
        return Response.created(uri.getBaseUriBuilder().path("school-applications").path(a.id.toString()).build())
            .entity(view(a)).build();
    }

    @GET
    @Operation(operationId = "listChildSchoolApplications",
        summary = "Her applications",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`childId` names nothing the caller may see.")
    public RestResponse<Page<GiftedSchoolDtos.ApplicationView>> list(@PathParam("childId") UUID childId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        access.requireChild(childId);
        return Pages.ok(uri, page.slice(service.ofChild(childId), a -> a.id.toString()).map(this::view));
    }

    private GiftedSchoolDtos.ApplicationView view(SchoolApplication a) {
        return GiftedSchoolDtos.ApplicationView.of(a, service.school(a.schoolId), service.feeCovered(a.id));
    }
}
