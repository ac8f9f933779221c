package ir.tehran.womenfamily.sponsorship.talent;

import java.net.URI;
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
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.QueryParam;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import jakarta.ws.rs.HeaderParam;

@Path("/children/{childId}/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Talent identification", description = "Assessments by domain and the gifted-candidate flag")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class AssessmentResource {

    @Inject
    AssessmentService service;

    @Inject
    Access access;

    @Inject
    Callers callers;

    @POST
    @IdempotentCreate
    @Operation(operationId = "recordTalentAssessment",
        summary = "Record a talent assessment; the child's gifted-candidate flag follows the latest one",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`childId` names nothing the caller may see; 422 when an Idempotency-Key is reused for another "
            + "request.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The new assessment's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(schema = @Schema(implementation = AssessmentDtos.AssessmentView.class)))
    public Response record(@PathParam("childId") UUID childId, @Valid @NotNull AssessmentDtos.NewAssessment request,
            @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        access.requireChild(childId);
        Assessment a = service.record(childId, request, callers.current().subject());
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + a.id))
            .entity(AssessmentDtos.AssessmentView.of(a)).build();
    }

    @GET
    @Operation(operationId = "listTalentAssessments",
        summary = "Her assessments, latest first",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`childId` names nothing the caller may see.")
    public RestResponse<Page<AssessmentDtos.AssessmentView>> list(@PathParam("childId") UUID childId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        access.requireChild(childId);
        return Pages.ok(uri, page.slice(service.list(childId), a -> a.id.toString())
            .map(AssessmentDtos.AssessmentView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTalentAssessment", summary = "One of her assessments",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "the path names nothing the caller may see.")
    public AssessmentDtos.AssessmentView get(@PathParam("childId") UUID childId, @PathParam("id") UUID id) {
        access.requireChild(childId);
        return service.find(childId, id).map(AssessmentDtos.AssessmentView::of)
            .orElseThrow(() -> ProblemException.notFound("assessment", id));
    }
}
