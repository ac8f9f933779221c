package ir.tehran.womenfamily.registry.work.campaign;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.taxonomy.Category;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The home-business campaign «کار تو خونمونه»: mentors, mentees, matching, sessions and milestones. */
@Path("/campaign")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Home-business campaign", description = "«کار تو خونمونه»: masters, mentors and facilitators; mentees "
    + "(women heads of household first); sessions and milestones up to a registered business")
@SecurityRequirement(name = "jwt")
public class CampaignResource {

    @Inject
    CampaignService service;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @POST
    @Path("/mentors")
    @RolesAllowed("admin")
    @Operation(operationId = "addCampaignMentor", summary = "Add a master, mentor or facilitator",
        description = "For an admin; any other caller is refused 403. Refused: 422 when an Idempotency-Key is reused "
            + "for another request.")
    @APIResponse(responseCode = "201", description = "Added", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = CampaignDtos.MentorView.class)))
    @IdempotentCreate
    public Response addMentor(@Valid @NotNull CampaignDtos.AddMentor r,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        Mentor m = service.addMentor(r, callers.current());
        URI location = uri.getBaseUriBuilder().path("campaign/mentors").path(m.id.toString()).build();
        return Response.created(location).entity(CampaignDtos.MentorView.of(m, 0, true)).build();
    }

    @GET
    @Path("/mentors")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "listCampaignMentors", summary = "Active mentors, by skill and district",
        description = "For an admin and a caseworker; any other caller is refused 403.")
    public RestResponse<Page<CampaignDtos.MentorView>> mentors(
            @Parameter(description = "A category code, such as pottery") @QueryParam("skill") String skill,
            @QueryParam("district") @Min(1) @Max(22) Integer district,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(limit, cursor);
        Category category = null;
        if (skill != null && !skill.isBlank()) {
            try {
                category = Category.of(skill.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("skill", "validation.wrong-format");
            }
        }
        Map<UUID, Long> load = service.load();
        return Pages.ok(uri, page.slice(service.mentors(category, district), m -> m.id.toString())
            .map(m -> CampaignDtos.MentorView.of(m, load.getOrDefault(m.id, 0L), false)));
    }

    @GET
    @Path("/mentors/{id}")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "getCampaignMentor", summary = "One mentor, with her mobile",
        description = "For an admin and a caseworker; any other caller is refused 403. Refused: 404 when `id` names "
            + "nothing the caller may see.")
    public CampaignDtos.MentorView mentor(@PathParam("id") UUID id) {
        Mentor m = service.mentor(id).orElseThrow(() -> ProblemException.notFound("mentor", id));
        return CampaignDtos.MentorView.of(m, service.load().getOrDefault(m.id, 0L), true);
    }

    @POST
    @Path("/mentors/{id}/deactivate")
    @RolesAllowed("admin")
    @Operation(operationId = "deactivateCampaignMentor",
        summary = "Take a mentor out of matching; her current mentees stay with her",
        description = "For an admin; any other caller is refused 403. Refused: 404 when `id` names nothing the "
            + "caller may see.")
    public CampaignDtos.MentorView deactivate(@PathParam("id") UUID id) {
        Mentor m = service.deactivate(id);
        return CampaignDtos.MentorView.of(m, service.load().getOrDefault(m.id, 0L), true);
    }

    @POST
    @Path("/mentees")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "enrolCampaignMentee",
        summary = "Enrol a registered woman or a campaign participant as a mentee",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 422 when an Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Enrolled", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = CampaignDtos.MenteeView.class)))
    @IdempotentCreate
    public Response enrol(@Valid @NotNull CampaignDtos.EnrolMentee r,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        Mentee m = service.enrol(r, callers.current());
        URI location = uri.getBaseUriBuilder().path("campaign/mentees").path(m.id.toString()).build();
        return Response.created(location).entity(service.view(m)).build();
    }

    @GET
    @Path("/mentees")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "listCampaignMentees",
        summary = "Mentees, in matching order (heads of household first); waiting ones, or one mentor's",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403.")
    public RestResponse<Page<CampaignDtos.MenteeView>> mentees(@QueryParam("waiting") Boolean waiting,
            @QueryParam("mentorId") UUID mentorId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(limit, cursor, 3);
        Page<Mentee> mentees = service.mentees(callers.current(), waiting, mentorId, page);
        return Pages.ok(uri, Page.of(service.views(mentees.items()), mentees.nextCursor()));
    }

    @GET
    @Path("/mentees/{id}")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "getCampaignMentee", summary = "One mentee with her milestones",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public CampaignDtos.MenteeView mentee(@PathParam("id") UUID id) {
        return service.view(service.mentee(id, callers.current()));
    }

    @POST
    @Path("/matching")
    @RolesAllowed("admin")
    @Operation(operationId = "matchCampaignMentees",
        summary = "Match waiting mentees to mentors with free places (heads of household first)",
        description = "For an admin; any other caller is refused 403.")
    public CampaignDtos.MatchingResult match() {
        return service.match();
    }

    @POST
    @Path("/mentees/{id}/withdraw")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "withdrawCampaignMentee",
        summary = "She leaves the campaign; her mentor's place is free again",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public CampaignDtos.MenteeView withdraw(@PathParam("id") UUID id) {
        return service.view(service.withdraw(id, callers.current()));
    }

    @POST
    @Path("/mentees/{id}/sessions")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "recordMentoringSession", summary = "Record a session with her mentor",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see; 422 when an Idempotency-Key is "
            + "reused for another request.")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = CampaignDtos.SessionView.class)))
    @IdempotentCreate
    public Response recordSession(@PathParam("id") UUID id, @Valid @NotNull CampaignDtos.RecordSession r,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        MentoringSession s = service.recordSession(id, r, callers.current());
        URI location = uri.getBaseUriBuilder().path("campaign/mentees").path(id.toString()).path("sessions").build();
        return Response.created(location).entity(CampaignDtos.SessionView.of(s)).build();
    }

    @GET
    @Path("/mentees/{id}/sessions")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "listMentoringSessions", summary = "Her sessions, oldest first",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public RestResponse<Page<CampaignDtos.SessionView>> sessions(@PathParam("id") UUID id,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.sessions(id, callers.current()), s -> s.id.toString())
            .map(CampaignDtos.SessionView::of));
    }

    @POST
    @Path("/mentees/{id}/milestones")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "recordMenteeMilestone",
        summary = "Record a milestone she reached; her first sale makes her eligible for bazaars",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public CampaignDtos.MenteeView reach(@PathParam("id") UUID id, @Valid @NotNull CampaignDtos.RecordMilestone r) {
        return service.view(service.reach(id, r, callers.current()));
    }
}
