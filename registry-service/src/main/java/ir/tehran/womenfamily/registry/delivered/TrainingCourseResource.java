package ir.tehran.womenfamily.registry.delivered;

import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/training-courses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Services delivered")
@SecurityRequirement(name = "jwt")
public class TrainingCourseResource {

    @Inject
    TrainingService service;

    @GET
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "listTrainingCourses", summary = "The directorate's training courses, the latest first",
        description = "For an admin and a caseworker; any other role is refused 403. A course names no woman.")
    public RestResponse<Page<DeliveredDtos.CourseView>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.courses(), c -> c.id.toString()).map(DeliveredDtos.CourseView::of));
    }

    @POST
    @RolesAllowed("admin")
    @Operation(operationId = "createTrainingCourse", summary = "Create a training course",
        description = "For an admin; any other role is refused 403. Refused: 400 when it ends before it starts; 422 "
            + "when an Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = DeliveredDtos.CourseView.class)))
    @IdempotentCreate
    public Response create(@Valid @NotNull DeliveredDtos.CreateCourse request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        TrainingCourse c = service.createCourse(request);
        return Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
            .entity(DeliveredDtos.CourseView.of(c)).build();
    }

    @GET
    @Path("/{courseId}")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "getTrainingCourse", summary = "A training course",
        description = "For an admin and a caseworker; any other role is refused 403. Refused: 404 when "
            + "`courseId` names no course.")
    @APIResponse(responseCode = "200", description = "The course",
        content = @Content(schema = @Schema(implementation = DeliveredDtos.CourseView.class)))
    public DeliveredDtos.CourseView get(@PathParam("courseId") UUID courseId) {
        return service.course(courseId).map(DeliveredDtos.CourseView::of)
            .orElseThrow(() -> ProblemException.notFound("training-course", courseId));
    }

    @GET
    @Path("/{courseId}/sessions")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "listTrainingSessions", summary = "A course's sessions, in order",
        description = "For an admin and a caseworker; any other role is refused 403. Refused: 404 when "
            + "`courseId` names no course.")
    public RestResponse<Page<DeliveredDtos.SessionView>> sessions(@PathParam("courseId") UUID courseId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<TrainingSession> all = service.sessions(courseId)
            .orElseThrow(() -> ProblemException.notFound("training-course", courseId));
        return Pages.ok(uri, page.slice(all, s -> s.id.toString()).map(DeliveredDtos.SessionView::of));
    }

    @POST
    @Path("/{courseId}/sessions")
    @RolesAllowed("admin")
    @Operation(operationId = "addTrainingSession", summary = "Add a session to a course, on a day within its dates",
        description = "For an admin; any other role is refused 403. Refused: 404 when `courseId` names no course; "
            + "400 for a day outside the course's dates; 422 when an Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Added; Location is the course's sessions",
        headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = DeliveredDtos.SessionView.class)))
    @IdempotentCreate
    public Response addSession(@PathParam("courseId") UUID courseId, @Valid @NotNull DeliveredDtos.AddSession request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        TrainingSession s = service.addSession(courseId, request)
            .orElseThrow(() -> ProblemException.notFound("training-course", courseId));
        return Response.created(uri.getAbsolutePathBuilder().build()).entity(DeliveredDtos.SessionView.of(s)).build();
    }
}
