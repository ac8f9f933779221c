package ir.tehran.womenfamily.registry.business;

import ir.tehran.womenfamily.support.taxonomy.Category;

import java.util.UUID;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.Versions;
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
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Businesses", description = "Home and micro businesses (کسب و کارهای خرد و خانگی)")
public class BusinessResource {

    @Inject
    BusinessService service;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @POST
    @Path("businesses")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "registerBusiness", summary = "Register a business",
        description = "For an admin and a caseworker; any other caller is refused 403. Refused: 422 when an "
            + "Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Registered", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = BusinessDtos.BusinessView.class)))
    @IdempotentCreate
    public Response register(@Valid @NotNull BusinessDtos.RegisterBusiness r,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        Business b = service.register(r, callers.current());
        return Response.created(uri.getBaseUriBuilder().path("businesses").path(b.id.toString()).build())
            .tag(Versions.etag(b.version)).entity(BusinessDtos.BusinessView.of(b)).build();
    }

    @GET
    @Path("businesses")
    @RolesAllowed({"admin", "caseworker", "bazaar-coordinator"})
    @Operation(operationId = "listBusinesses", summary = "Businesses by category, district, status",
        description = "For an admin, a caseworker and a bazaar coordinator; any other caller is refused 403.")
    public RestResponse<Page<BusinessDtos.BusinessView>> list(
            @Parameter(description = "A category code, such as pottery (as the answers show it)",
                schema = @Schema(implementation = Category.class)) @QueryParam("category") String category,
            @QueryParam("district") @Min(1) @Max(22) Short district, @QueryParam("status") Business.Status status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        return Pages.ok(uri, service.list(category(category), district, status, page)
            .map(BusinessDtos.BusinessView::of));
    }

    /** The category filter, by its code as the document and the answers give it (or its constant name). */
    private static Category category(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Category.of(text.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("category", "validation.wrong-format");
        }
    }

    @GET
    @Path("businesses/{id}")
    @RolesAllowed({"admin", "caseworker", "bazaar-coordinator"})
    @Operation(operationId = "getBusiness", summary = "One business",
        description = "For an admin, a caseworker and a bazaar coordinator; any other caller is refused 403. "
            + "Refused: 404 when `id` names nothing the caller may see.")
    @APIResponse(responseCode = "200", description = "The business",
        content = @Content(schema = @Schema(implementation = BusinessDtos.BusinessView.class)))
    public Response get(@PathParam("id") UUID id) {
        Business b = service.find(id).orElseThrow(() -> ProblemException.notFound("business", id));
        return Response.ok(BusinessDtos.BusinessView.of(b)).tag(Versions.etag(b.version)).build();
    }

    @PATCH
    @Path("businesses/{id}")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "updateBusiness", summary = "Change a business",
        description = "Requires If-Match with the ETag last read.")
    @APIResponse(responseCode = "200", description = "The changed business",
        content = @Content(schema = @Schema(implementation = BusinessDtos.BusinessView.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull BusinessDtos.UpdateBusiness u,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Business b = service.update(id, Versions.required(ifMatch), u);
        return Response.ok(BusinessDtos.BusinessView.of(b)).tag(Versions.etag(b.version)).build();
    }

    @POST
    @Path("businesses/{id}/close")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "closeBusiness", summary = "Close a business",
        description = "Requires If-Match with the business's ETag (its version) last read: 428 without it, 412 when "
            + "it changed since. A closed business stays on record and leaves the campaign's active lists.")
    @APIResponse(responseCode = "200", description = "The closed business; its ETag is its new version",
        content = @Content(schema = @Schema(implementation = BusinessDtos.BusinessView.class)))
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Business b = service.close(id, Versions.required(ifMatch));
        return Response.ok(BusinessDtos.BusinessView.of(b)).tag(Versions.etag(b.version)).build();
    }

    @POST
    @Path("campaign-participants")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "registerCampaignParticipant",
        summary = "Register a participant of the home-business campaign who is not a head of household",
        description = "For an admin and a caseworker; any other caller is refused 403. Refused: 422 when an "
            + "Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Registered (no Location: a participant is read as a mentee)",
        content = @Content(schema = @Schema(implementation = BusinessDtos.ParticipantView.class)))
    @IdempotentCreate
    public Response registerParticipant(@Valid @NotNull BusinessDtos.RegisterParticipant r,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        CampaignParticipant p = service.registerParticipant(r);
        return Response.status(Response.Status.CREATED)
            .entity(BusinessDtos.ParticipantView.of(p)).build();
    }
}
