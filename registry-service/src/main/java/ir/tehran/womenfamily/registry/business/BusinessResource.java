package ir.tehran.womenfamily.registry.business;

import ir.tehran.womenfamily.support.taxonomy.Category;

import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Businesses", description = "Home and micro businesses (کسب و کارهای خرد و خانگی)")
public class BusinessResource {

    @Inject
    BusinessService service;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @POST
    @Path("businesses")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(summary = "Register a business")
    public Response register(@Valid @NotNull BusinessDtos.RegisterBusiness r,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        var actor = callers.current();
        return idempotent.execute(idempotencyKey, actor.subject(), r, () -> {
            Business b = service.register(r, actor);
            return Response.created(uri.getBaseUriBuilder().path("businesses").path(b.id.toString()).build())
                .tag(Versions.etag(b.version)).entity(BusinessDtos.BusinessView.of(b)).build();
        });
    }

    @GET
    @Path("businesses")
    @RolesAllowed({"admin", "caseworker", "bazaar-coordinator"})
    @Operation(summary = "Businesses by category, district, status")
    public List<BusinessDtos.BusinessView> list(@QueryParam("category") Category category,
            @QueryParam("district") @Min(1) @Max(22) Short district, @QueryParam("status") Business.Status status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return service.list(category, district, status, limit).stream().map(BusinessDtos.BusinessView::of).toList();
    }

    @GET
    @Path("businesses/{id}")
    @RolesAllowed({"admin", "caseworker", "bazaar-coordinator"})
    @Operation(summary = "One business")
    public Response get(@PathParam("id") UUID id) {
        Business b = service.find(id).orElseThrow(() -> ProblemException.notFound("business", id));
        return Response.ok(BusinessDtos.BusinessView.of(b)).tag(Versions.etag(b.version)).build();
    }

    @PATCH
    @Path("businesses/{id}")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(summary = "Change a business", description = "Requires If-Match with the ETag last read.")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull BusinessDtos.UpdateBusiness u,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Business b = service.update(id, Versions.required(ifMatch), u);
        return Response.ok(BusinessDtos.BusinessView.of(b)).tag(Versions.etag(b.version)).build();
    }

    @POST
    @Path("businesses/{id}/close")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(summary = "Close a business")
    public BusinessDtos.BusinessView close(@PathParam("id") UUID id) {
        return BusinessDtos.BusinessView.of(service.close(id));
    }

    @POST
    @Path("campaign-participants")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(summary = "Register a participant of the home-business campaign who is not a head of household")
    public Response registerParticipant(@Valid @NotNull BusinessDtos.RegisterParticipant r) {
        CampaignParticipant p = service.registerParticipant(r);
        return Response.status(Response.Status.CREATED)
            .entity(BusinessDtos.ParticipantView.of(p)).build();
    }
}
