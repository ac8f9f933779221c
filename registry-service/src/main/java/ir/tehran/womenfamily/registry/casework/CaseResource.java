package ir.tehran.womenfamily.registry.casework;

import java.net.URI;
import java.util.UUID;

import ir.tehran.womenfamily.registry.access.SensitiveAccess;
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
import jakarta.ws.rs.PUT;
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

@Path("/beneficiaries/{id}/case")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "A woman's case: her caseworker or counsellor, and case notes (sensitive)")
@SecurityRequirement(name = "jwt")
public class CaseResource {

    @Inject
    CaseService service;

    @GET
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "getBeneficiaryCase",
        summary = "Her case and its assignments (her assigned caseworker or an admin; 404 for others)",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see.")
    @APIResponse(responseCode = "200", description = "Her case; its ETag is what an assignment sends in If-Match",
        content = @Content(schema = @Schema(implementation = CaseworkDtos.CaseView.class)))
    public Response get(@PathParam("id") UUID id) {
        CaseService.CaseWithHistory c = service.view(id);
        return Response.ok(CaseworkDtos.CaseView.of(c.current(), c.history()))
            .tag(Versions.etag(c.current().version)).build();
    }

    @PUT
    @Path("/assignee")
    @RolesAllowed("admin")
    @Operation(operationId = "assignBeneficiaryCase",
        summary = "Assign her case to a caseworker or counsellor, opening it if she has none",
        description = "Requires If-Match with the case's ETag when she has a case; without one it opens her case.")
    @APIResponse(responseCode = "200", description = "Her case with its new assignee",
        content = @Content(schema = @Schema(implementation = CaseworkDtos.CaseView.class)))
    public Response assign(@PathParam("id") UUID id, @Valid @NotNull CaseworkDtos.AssignCase request,
            @Parameter(description = "The case's ETag last read: required when she has a case, absent to open one")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CaseService.CaseWithHistory c = service.assign(id, Versions.optional(ifMatch), request);
        return Response.ok(CaseworkDtos.CaseView.of(c.current(), c.history()))
            .tag(Versions.etag(c.current().version)).build();
    }

    @GET
    @Path("/notes")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "listCaseNotes",
        summary = "Her case notes (sensitive): her assigned caseworker, or an admin through break-glass",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public RestResponse<Page<CaseworkDtos.NoteView>> notes(@PathParam("id") UUID id,
            @Parameter(description = "Required for admins: why they open this record (at least 10 characters)")
            @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.notes(id, reason), n -> n.id.toString())
            .map(CaseworkDtos.NoteView::of));
    }

    @POST
    @Path("/notes")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "addCaseNote",
        summary = "Add a case note (sensitive): her assigned caseworker, or an admin through break-glass",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see; 422 when an Idempotency-Key is "
            + "reused for another request.")
    @APIResponse(responseCode = "201", description = "Added", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = CaseworkDtos.NoteView.class)))
    @IdempotentCreate
    public Response addNote(@PathParam("id") UUID id, @Valid @NotNull CaseworkDtos.AddNote request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Parameter(description = "Required for admins: why they open this record (at least 10 characters)")
            @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason, @Context UriInfo uri) {
        CaseNote note = service.addNote(id, request, reason);
        URI location = uri.getAbsolutePathBuilder().build();
        return Response.created(location).entity(CaseworkDtos.NoteView.of(note)).build();
    }
}
