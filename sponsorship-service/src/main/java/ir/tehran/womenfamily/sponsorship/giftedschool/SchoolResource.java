package ir.tehran.womenfamily.sponsorship.giftedschool;

import java.net.URI;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import org.jboss.resteasy.reactive.RestResponse;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import jakarta.ws.rs.HeaderParam;

@Path("/schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Gifted-school pipeline", description = "Applications of talented children to exemplary and gifted "
    + "schools (مدارس نمونه و تیزهوشان): deadlines, exams, fees covered, outcome")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class SchoolResource {

    @Inject
    GiftedSchoolService service;

    @POST
    @IdempotentCreate
    @Operation(operationId = "addSchool",
        summary = "Add a school",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 422 when an "
            + "Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The new school's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(schema = @Schema(implementation = GiftedSchoolDtos.SchoolView.class)))
    public Response create(@Valid @NotNull GiftedSchoolDtos.NewSchool request, @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        School s = service.createSchool(request);
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + s.id))
            .entity(GiftedSchoolDtos.SchoolView.of(s)).build();
    }

    @GET
    @Operation(operationId = "listSchools",
        summary = "Schools, by kind",
        description = "For an admin and a sponsorship officer; any other caller is refused 403.")
    public RestResponse<Page<GiftedSchoolDtos.SchoolView>> list(@QueryParam("kind") School.Kind kind,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.schools(kind), s -> s.id.toString())
            .map(GiftedSchoolDtos.SchoolView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSchool", summary = "One school",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public GiftedSchoolDtos.SchoolView get(@PathParam("id") UUID id) {
        return service.findSchool(id).map(GiftedSchoolDtos.SchoolView::of)
            .orElseThrow(() -> ProblemException.notFound("school", id));
    }
}
