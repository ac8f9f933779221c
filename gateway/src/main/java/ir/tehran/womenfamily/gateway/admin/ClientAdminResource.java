package ir.tehran.womenfamily.gateway.admin;

import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.gateway.token.Roles;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Partner applications and agencies, for admins only: register a client, rotate its secret (two are
 * valid until the old one is revoked), revoke a secret or the whole client. The bearer token is verified
 * like every service verifies it ({@code mp.jwt.verify.*}).
 */
@Path("/admin/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Clients (admin)", description = "API clients of partner applications and agencies")
public class ClientAdminResource {

    @Inject
    ClientAdminService service;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listClients", summary = "Every client, with its secrets' records (never the secrets)",
        description = "For an admin; any other caller is refused 403.")
    public List<ClientDtos.ClientView> list() {
        return service.list();
    }

    @POST
    @Operation(operationId = "registerClient", summary = "Register a client",
        description = "Answers with its first secret, shown only this once (none for a public client).")
    @APIResponse(responseCode = "201", description = "Registered, with its first secret",
        content = @Content(schema = @Schema(implementation = ClientDtos.CreatedClient.class)))
    public Response create(@Valid @NotNull ClientDtos.NewClient request) {
        ClientDtos.CreatedClient created = service.create(request, callers.current().subject());
        return Response.created(uri.getAbsolutePathBuilder().path(request.clientId()).build())
            .header("Cache-Control", "no-store")
            .entity(created).build();
    }

    @GET
    @Path("{clientId}")
    @Operation(operationId = "getClient", summary = "One client",
        description = "For an admin; any other caller is refused 403. Refused: 404 when `clientId` names nothing the "
            + "caller may see.")
    public ClientDtos.ClientView get(@PathParam("clientId") String clientId) {
        return service.find(clientId).orElseThrow(() -> ProblemException.notFound("client", clientId));
    }

    @POST
    @Path("{clientId}/secrets")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "issueClientSecret", summary = "Issue a second secret (rotation)",
        description = "Both secrets are valid until one is revoked; a third is refused (409). Shown only once.")
    @APIResponse(responseCode = "201", description = "The new secret",
        content = @Content(schema = @Schema(implementation = ClientDtos.IssuedSecret.class)))
    @APIResponse(responseCode = "409", description = "The client already has two secrets")
    public Response addSecret(@PathParam("clientId") String clientId) {
        ClientDtos.IssuedSecret secret = service.addSecret(clientId, callers.current().subject());
        return Response.created(uri.getAbsolutePathBuilder().path(secret.secretId().toString()).build())
            .header("Cache-Control", "no-store")
            .entity(secret).build();
    }

    @DELETE
    @Path("{clientId}/secrets/{secretId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "revokeClientSecret",
        summary = "Revoke one secret (end of a rotation, or a leaked secret)",
        description = "For an admin; any other caller is refused 403. Refused: 404 when the path names nothing the "
            + "caller may see.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revokeSecret(@PathParam("clientId") String clientId, @PathParam("secretId") UUID secretId) {
        service.revokeSecret(clientId, secretId, callers.current().subject());
        return Response.noContent().build();
    }

    @PUT
    @Path("{clientId}/sign-in")
    @Operation(operationId = "changeClientSignIn", summary = "Change how a client signs people in",
        description = "Whether the password grant is open to it (trusted: first-party tools only, never a public "
            + "client) and the redirect URIs of the authorization code grant, compared exactly. Replaces both.")
    @APIResponse(responseCode = "200", description = "The client as it is now",
        content = @Content(schema = @Schema(implementation = ClientDtos.ClientView.class)))
    @APIResponse(responseCode = "409", description = "The client is revoked")
    public ClientDtos.ClientView changeSignIn(@PathParam("clientId") String clientId,
            @Valid @NotNull ClientDtos.SignIn signIn) {
        return service.changeSignIn(clientId, signIn, callers.current().subject());
    }

    @POST
    @Path("{clientId}/revoke")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "revokeClient",
        summary = "Revoke the client: no more tokens, every secret and refresh token revoked",
        description = "For an admin; any other caller is refused 403. Refused: 404 when `clientId` names nothing the "
            + "caller may see.")
    public ClientDtos.ClientView revoke(@PathParam("clientId") String clientId) {
        return service.revoke(clientId, callers.current().subject());
    }
}
