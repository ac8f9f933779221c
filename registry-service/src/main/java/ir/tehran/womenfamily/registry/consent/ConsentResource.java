package ir.tehran.womenfamily.registry.consent;

import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/beneficiaries/{id}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Consent", description = "A woman's consent per purpose, with its history and revocations")
@SecurityRequirement(name = "jwt")
public class ConsentResource {

    @Inject
    ConsentService service;

    @GET
    @Operation(operationId = "listBeneficiaryConsents",
        summary = "Every consent she gave, revoked ones too, newest first",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public RestResponse<Page<ConsentDtos.ConsentView>> history(@PathParam("id") UUID id,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.history(id), c -> c.id.toString()).map(ConsentDtos.ConsentView::of));
    }

    @POST
    @Operation(operationId = "recordConsent", summary = "Record a consent she gave",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see; 422 when an Idempotency-Key is "
            + "reused for another request.")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = ConsentDtos.ConsentView.class)))
    @IdempotentCreate
    public Response record(@PathParam("id") UUID id, @Valid @NotNull ConsentDtos.RecordConsent request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        Consent consent = service.record(id, request);
        URI location = uri.getAbsolutePathBuilder().path(consent.id.toString()).build();
        return Response.created(location).entity(ConsentDtos.ConsentView.of(consent))
            .tag(Versions.etag(consent.version)).build();
    }

    @GET
    @Path("/{consentId}")
    @Operation(operationId = "getConsent", summary = "One consent",
        description = "One consent she gave, with its purpose, agency, channel and whether it is still active. Its "
            + "ETag is its version, which a revocation sends back in If-Match.")
    @APIResponse(responseCode = "200", description = "The consent; its ETag is its version",
        content = @Content(schema = @Schema(implementation = ConsentDtos.ConsentView.class)))
    public Response get(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId) {
        Consent consent = service.get(id, consentId);
        return Response.ok(ConsentDtos.ConsentView.of(consent)).tag(Versions.etag(consent.version)).build();
    }

    @POST
    @Path("/{consentId}/revocation")
    @Operation(operationId = "revokeConsent", summary = "Revoke a consent; it stays in her history",
        description = "Requires If-Match with the consent's ETag (or its version) last read: 428 without it, 412 "
            + "when it changed since. A consent already revoked is a 409. The revocation takes effect at once: "
            + "no further sharing under it.")
    @APIResponse(responseCode = "200", description = "The revoked consent; its ETag is its new version",
        content = @Content(schema = @Schema(implementation = ConsentDtos.ConsentView.class)))
    public Response revoke(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Consent consent = service.revoke(id, consentId, Versions.required(ifMatch));
        return Response.ok(ConsentDtos.ConsentView.of(consent)).tag(Versions.etag(consent.version)).build();
    }
}
