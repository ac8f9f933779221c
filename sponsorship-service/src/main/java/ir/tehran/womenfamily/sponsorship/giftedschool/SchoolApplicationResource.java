package ir.tehran.womenfamily.sponsorship.giftedschool;

import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

@Path("/school-applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Gifted-school pipeline")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class SchoolApplicationResource {

    @Inject
    GiftedSchoolService service;

    @Inject
    Access access;

    @GET
    @Operation(operationId = "listSchoolApplicationPipeline",
        summary = "The pipeline, by stage and school year, nearest deadline first",
        description = "For an admin and a sponsorship officer; any other caller is refused 403.")
    public RestResponse<Page<GiftedSchoolDtos.ApplicationView>> pipeline(
            @QueryParam("status") SchoolApplication.Status status,
            @QueryParam("academicYear") @Min(1350) @Max(1500) Integer academicYear, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<SchoolApplication> all = service.pipeline(status, academicYear);
        var visible = access.visible(all.stream().map(a -> a.childId).toList());
        return Pages.ok(uri, page.slice(all.stream().filter(a -> visible.contains(a.childId)).toList(),
            a -> a.id.toString()).map(this::view));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSchoolApplication",
        summary = "One application",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public GiftedSchoolDtos.ApplicationView get(@PathParam("id") UUID id) {
        access.requireOfChild("SchoolApplication", "school-application", id);
        return service.find(id).map(this::view)
            .orElseThrow(() -> ProblemException.notFound("school-application", id));
    }

    @POST
    @Path("/{id}/transitions")
    @Operation(operationId = "transitionSchoolApplication",
        summary = "Move the application on: APPLIED (by the deadline), EXAM_TAKEN, ADMITTED, NOT_ADMITTED, "
        + "WITHDRAWN",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public GiftedSchoolDtos.ApplicationView move(@PathParam("id") UUID id,
            @Valid @NotNull GiftedSchoolDtos.Transition request) {
        access.requireOfChild("SchoolApplication", "school-application", id);
        return view(service.move(id, request));
    }

    private GiftedSchoolDtos.ApplicationView view(SchoolApplication a) {
        return GiftedSchoolDtos.ApplicationView.of(a, service.school(a.schoolId), service.feeCovered(a.id));
    }
}
