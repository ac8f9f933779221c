package ir.tehran.womenfamily.sponsorship.programme;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import ir.tehran.womenfamily.support.web.Versions;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;

@Path("/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "Tutoring, the summer courses «به وقت نوجوانی», counselling; enrolment, "
    + "waitlist, sessions and attendance")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class ProgrammeResource {

    @Inject
    ProgrammeService programmes;

    @Inject
    EnrolmentService enrolments;

    @Inject
    Access access;

    @Inject
    Callers callers;

    @POST
    @IdempotentCreate
    @Operation(operationId = "createProgramme",
        summary = "Create a programme",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 422 when an "
            + "Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The new programme's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(schema = @Schema(implementation = ProgrammeDtos.ProgrammeView.class)))
    public Response create(@Valid @NotNull ProgrammeDtos.NewProgramme request, @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        access.requireDistrictField(request.district(), "district");
        Programme p = programmes.create(request, callers.current().subject());
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + p.id)).entity(view(p)).build();
    }

    @GET
    @Operation(operationId = "listProgrammes",
        summary = "Programmes, by kind and district",
        description = "For an admin and a sponsorship officer; any other caller is refused 403.")
    public RestResponse<Page<ProgrammeDtos.ProgrammeView>> list(@QueryParam("kind") Programme.Kind kind,
            @QueryParam("district") @Min(1) @Max(22) Short district, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(programmes.list(kind, district, access.scope()), p -> p.id.toString())
            .map(this::view));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProgramme",
        summary = "One programme with its seats taken and waitlist",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public ProgrammeDtos.ProgrammeView get(@PathParam("id") UUID id) {
        access.requireProgramme(id);
        return programmes.find(id).map(this::view).orElseThrow(() -> ProblemException.notFound("programme", id));
    }

    @POST
    @IdempotentCreate
    @Path("/{id}/enrolments")
    @Operation(operationId = "enrolInProgramme",
        summary = "Enrol a child: enrolled while seats are free, else waitlisted",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see; 422 when an Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The new enrolment's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(schema = @Schema(implementation = ProgrammeDtos.EnrolmentView.class)))
    public Response enrol(@PathParam("id") UUID id, @Valid @NotNull ProgrammeDtos.EnrolmentRequest request,
            @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        access.requireProgramme(id);
        access.requireChildField(request.childId(), "childId");
        Enrolment e = enrolments.enrol(id, request.childId(), callers.current().subject());
        return Response.created(uri.getBaseUriBuilder().path("enrolments").path(e.id.toString()).build())
            .entity(view(e)).build();
    }

    @GET
    @Path("/{id}/enrolments")
    @Operation(operationId = "listProgrammeEnrolments",
        summary = "Enrolments and the waitlist, in order of request",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public RestResponse<Page<ProgrammeDtos.EnrolmentView>> enrolments(@PathParam("id") UUID id,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        access.requireProgramme(id);
        List<Enrolment> all = enrolments.list(id);
        var visible = access.visible(all.stream().map(e -> e.childId).toList());
        return Pages.ok(uri, page.slice(all.stream().filter(e -> visible.contains(e.childId)).toList(),
            e -> e.id.toString()).map(this::view));
    }

    @POST
    @IdempotentCreate
    @Path("/{id}/sessions")
    @Operation(operationId = "recordProgrammeSession",
        summary = "Record a session held (numbered in order)",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see; 422 when an Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The new session's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(schema = @Schema(implementation = ProgrammeDtos.SessionView.class)))
    public Response addSession(@PathParam("id") UUID id, @Valid @NotNull ProgrammeDtos.NewSession request,
            @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        access.requireProgrammeToManage(id);
        ProgrammeSession s = programmes.addSession(id, request);
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + s.number)).tag(Versions.etag(s.version))
            .entity(view(s)).build();
    }

    @GET
    @Path("/{id}/sessions")
    @Operation(operationId = "listProgrammeSessions",
        summary = "Sessions held, with attendance counts",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public RestResponse<Page<ProgrammeDtos.SessionView>> sessions(@PathParam("id") UUID id,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        access.requireProgramme(id);
        return Pages.ok(uri, page.slice(programmes.sessions(id), s -> String.valueOf(s.number)).map(this::view));
    }

    @GET
    @Path("/{id}/sessions/{number}")
    @Operation(operationId = "getProgrammeSession", summary = "One session held, with its attendance counts",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "the path names nothing the caller may see.")
    public RestResponse<ProgrammeDtos.SessionView> session(@PathParam("id") UUID id,
            @PathParam("number") @Min(1) int number) {
        access.requireProgramme(id);
        return programmes.session(id, number).map(this::tagged)
            .orElseThrow(() -> ProblemException.notFound("session", id + "/" + number));
    }

    @PUT
    @Path("/{id}/sessions/{number}/attendance")
    @Operation(operationId = "recordSessionAttendance",
        summary = "Record who was present and absent at a session",
        description = "Requires If-Match with the session's ETag last read.")
    public RestResponse<ProgrammeDtos.SessionView> attendance(@PathParam("id") UUID id,
            @PathParam("number") @Min(1) int number, @Valid @NotNull ProgrammeDtos.AttendanceInput request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        access.requireProgramme(id);
        access.requireChildrenField(request.present(), "present");
        access.requireChildrenField(request.absent(), "absent");
        return tagged(programmes.recordAttendance(id, number, Versions.required(ifMatch), request));
    }

    /** The session with its version as its ETag, the one an attendance update's If-Match sends back. */
    private RestResponse<ProgrammeDtos.SessionView> tagged(ProgrammeSession s) {
        return RestResponse.ResponseBuilder.ok(view(s)).tag(Versions.etag(s.version)).build();
    }

    private ProgrammeDtos.ProgrammeView view(Programme p) {
        return ProgrammeDtos.ProgrammeView.of(p, programmes.counts(p.id));
    }

    private ProgrammeDtos.EnrolmentView view(Enrolment e) {
        return ProgrammeDtos.EnrolmentView.of(e, enrolments.waitlistPosition(e), enrolments.attendance(e));
    }

    private ProgrammeDtos.SessionView view(ProgrammeSession s) {
        return ProgrammeDtos.SessionView.of(s, programmes.attendance(s.id));
    }
}
