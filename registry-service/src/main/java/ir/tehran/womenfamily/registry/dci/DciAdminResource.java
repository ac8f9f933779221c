package ir.tehran.womenfamily.registry.dci;

import java.util.UUID;

import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.web.Versions;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The admin side of the DCI API: the agency directory (which client is which agency, its keys, its callback
 * hosts), the callback outbox's dead letters, and the registry's own public key.
 */
@Path("/dci")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "DCI administration", description = "The agency directory and the DCI callback outbox")
public class DciAdminResource {

    /** A client id as the gateway allows it. */
    static final String CLIENT_ID = "[a-z0-9][a-z0-9._-]{1,63}";

    @Inject
    AgencyDirectory directory;

    @Inject
    DciCallbacks callbacks;

    @Inject
    RegistrySigningKey signingKey;

    @GET
    @Path("/agencies")
    @Operation(operationId = "listDciAgencies", summary = "The agency directory",
        description = "Every agency client with its agency, Ed25519 public keys and callback base URLs, by client id.")
    public RestResponse<Page<AgencyDtos.AgencyView>> listAgencies(@QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(directory.list(), AgencyDtos.AgencyView::clientId));
    }

    @GET
    @Path("/agencies/{clientId}")
    @Operation(operationId = "getDciAgency", summary = "One agency of the directory",
        description = "The agency a client is, its keys and callback base URLs; the ETag is its version.")
    @APIResponse(responseCode = "200", description = "The agency",
        content = @Content(schema = @Schema(implementation = AgencyDtos.AgencyView.class)))
    public Response getAgency(@PathParam("clientId") String clientId) {
        AgencyDtos.AgencyView a = directory.find(clientId)
            .orElseThrow(() -> ProblemException.notFound("agency", clientId));
        return Response.ok(a).tag(Versions.etag(a.version())).build();
    }

    @PUT
    @Path("/agencies/{clientId}")
    @Operation(operationId = "putDciAgency", summary = "Record or replace an agency",
        description = "Names the agency a client is (its kind, or its name as women's consents name it), its "
            + "Ed25519 public keys with their validity, and the base URLs of its callbacks, whose scheme, host and "
            + "port are its allow-list. Replaces what was recorded; If-Match, when sent, must be the version read. "
            + "Audited.")
    @APIResponse(responseCode = "200", description = "The agency as recorded",
        content = @Content(schema = @Schema(implementation = AgencyDtos.AgencyView.class)))
    public Response putAgency(@PathParam("clientId") @Pattern(regexp = CLIENT_ID) String clientId,
            @Valid @NotNull AgencyDtos.AgencyChange change, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AgencyDtos.AgencyView a = directory.put(clientId, change, ifMatch);
        return Response.ok(a).tag(Versions.etag(a.version())).build();
    }

    @DELETE
    @Path("/agencies/{clientId}")
    @Operation(operationId = "deleteDciAgency", summary = "Remove an agency from the directory",
        description = "Its client is no agency any more: no woman is released to it and no callback goes to it. "
            + "Audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response deleteAgency(@PathParam("clientId") String clientId) {
        directory.delete(clientId);
        return Response.noContent().build();
    }

    @GET
    @Path("/callbacks")
    @Operation(operationId = "listDciCallbacks", summary = "Callbacks of the outbox by status (dead letters)",
        description = "The callbacks in one status, oldest first: DEAD (the default) are the dead letters, "
            + "delivered to no agency after every attempt; PENDING wait for their next attempt; SENT were "
            + "delivered; WITHDRAWN were never sent because a woman they carry was no longer releasable to the "
            + "agency when they were due (her consent revoked, a sensitive cohort). The body is not shown.")
    public RestResponse<Page<AgencyDtos.CallbackView>> listCallbacks(
            @QueryParam("status") @DefaultValue("DEAD") DciCallback.Status status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(callbacks.list(status).stream().map(AgencyDtos.CallbackView::of).toList(),
            c -> c.id().toString()));
    }

    @POST
    @Path("/callbacks/{id}/resend")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "resendDciCallback", summary = "Send a dead letter again",
        description = "Queues a dead callback again with its attempts starting over; it is signed afresh and "
            + "still goes only to its agency's allow-listed origin. A callback that is not dead is a 409. Audited.")
    @APIResponse(responseCode = "200", description = "Queued again",
        content = @Content(schema = @Schema(implementation = AgencyDtos.CallbackView.class)))
    public AgencyDtos.CallbackView resend(@PathParam("id") UUID id) {
        return AgencyDtos.CallbackView.of(callbacks.resend(id));
    }

    @GET
    @Path("/signing-key")
    @Operation(operationId = "getDciSigningKey", summary = "The registry's public signing key",
        description = "The Ed25519 public key that signs every envelope the registry sends an agency, with the "
            + "kidId its signatures name; given to agencies when they are onboarded.")
    @APIResponse(responseCode = "200", description = "The key",
        content = @Content(schema = @Schema(implementation = AgencyDtos.SigningKeyView.class)))
    public AgencyDtos.SigningKeyView signingKey() {
        return signingKey.view();
    }
}
