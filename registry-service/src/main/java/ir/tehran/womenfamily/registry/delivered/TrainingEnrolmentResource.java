package ir.tehran.womenfamily.registry.delivered;

import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.web.Versions;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/beneficiaries/{id}/training")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Services delivered")
@SecurityRequirement(name = "jwt")
public class TrainingEnrolmentResource {

    @Inject
    TrainingService service;

    @GET
    @Operation(operationId = "listTrainingEnrolments",
        summary = "Her training enrolments, with attendance and completion, the latest first",
        description = FacilitationResource.WHO + ".")
    public RestResponse<Page<DeliveredDtos.EnrolmentView>> list(@PathParam("id") UUID id,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<TrainingService.Enrolment> all = service.enrolments(id);
        return Pages.ok(uri, page.slice(all, e -> e.enrolment().id.toString()).map(TrainingEnrolmentResource::view));
    }

    @POST
    @Operation(operationId = "enrolInTrainingCourse",
        summary = "Enrol her in a training course, under her case",
        description = FacilitationResource.WHO + "; 404 when `courseId` names no course; 409 `case-required` when "
            + "she has no case, `already-enrolled` when she is enrolled in it; 422 when an Idempotency-Key is reused "
            + "for another request.")
    @APIResponse(responseCode = "201", description = "Enrolled; Location is her enrolments' list",
        headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = DeliveredDtos.EnrolmentView.class)))
    @IdempotentCreate
    public Response enrol(@PathParam("id") UUID id, @Valid @NotNull DeliveredDtos.Enrol request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        return Response.created(uri.getAbsolutePathBuilder().build()).entity(view(service.enrol(id, request)))
            .build();
    }

    @POST
    @Path("/{enrolmentId}/attendance")
    @Operation(operationId = "recordTrainingAttendance",
        summary = "She was present at a session of her course (recording it twice changes nothing)",
        description = FacilitationResource.WHO + ", or `enrolmentId` none of hers; 400 when `sessionId` is not a "
            + "session of her course.")
    @APIResponse(responseCode = "200", description = "Her enrolment with its attendance",
        content = @Content(schema = @Schema(implementation = DeliveredDtos.EnrolmentView.class)))
    public DeliveredDtos.EnrolmentView attend(@PathParam("id") UUID id, @PathParam("enrolmentId") UUID enrolmentId,
            @Valid @NotNull DeliveredDtos.Attend request) {
        return view(service.attend(id, enrolmentId, request));
    }

    @POST
    @Path("/{enrolmentId}/completion")
    @Operation(operationId = "completeTrainingCourse",
        summary = "She completed her course, with its certificate's number",
        description = FacilitationResource.WHO + ", or `enrolmentId` none of hers; 409 `training-completed` when "
            + "already completed; 400 for a day still to come or before her enrolment. Requires If-Match with the "
            + "enrolment's version (its `version` in her list): 428 without, 412 when stale.")
    @APIResponse(responseCode = "200", description = "Her enrolment, completed; its ETag is its new version",
        content = @Content(schema = @Schema(implementation = DeliveredDtos.EnrolmentView.class)))
    public Response complete(@PathParam("id") UUID id, @PathParam("enrolmentId") UUID enrolmentId,
            @Valid @NotNull DeliveredDtos.Complete request,
            @Parameter(description = "The enrolment's version last read") @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch) {
        TrainingService.Enrolment e = service.complete(id, enrolmentId, Versions.required(ifMatch), request);
        return Response.ok(view(e)).tag(Versions.etag(e.enrolment().version)).build();
    }

    private static DeliveredDtos.EnrolmentView view(TrainingService.Enrolment e) {
        return DeliveredDtos.EnrolmentView.of(e.enrolment(), e.course(), e.attended(), e.sessions());
    }
}
