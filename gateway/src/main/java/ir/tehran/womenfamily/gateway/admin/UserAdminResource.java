package ir.tehran.womenfamily.gateway.admin;

import java.util.List;

import ir.tehran.womenfamily.gateway.token.Roles;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
 * People who sign in with a password (staff, producers, sponsors), for admins only. The gateway makes
 * every password and shows it once; an admin never sees a hash and never chooses a password, and the person
 * must replace a password an admin handed over at her next login. A woman's account (role woman, from her sign-in
 * with a one-time code) is not one of them: see {@link UserAdminService}.
 */
@Path("/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Users (admin)", description = "Staff, producers and sponsors who sign in with a password")
public class UserAdminResource {

    @Inject
    UserAdminService service;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listUsers",
        summary = "Every user with her roles and limiting claims (never a password or hash)",
        description = "For an admin; any other caller is refused 403. Staff, producers and sponsors only: the "
            + "accounts of women who sign in with a one-time code (role woman) are not listed, and every operation "
            + "here answers 404 for one.")
    public List<UserDtos.UserView> list() {
        return service.list();
    }

    @POST
    @Operation(operationId = "createUser", summary = "Create a user",
        description = "Answers with her first password, shown only this once. "
        + "She must change it at her first login: until then a login gives a token that serves only "
        + "POST /account/password.")
    @APIResponse(responseCode = "201", description = "Created, with her first password",
        content = @Content(schema = @Schema(implementation = UserDtos.CreatedUser.class)))
    public Response create(@Valid @NotNull UserDtos.NewUser request) {
        UserDtos.CreatedUser created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(request.username()).build())
            .header("Cache-Control", "no-store")
            .entity(created).build();
    }

    @GET
    @Path("{username}")
    @Operation(operationId = "getUser", summary = "One user",
        description = "For an admin; any other caller is refused 403. Refused: 404 when `username` names nothing the "
            + "caller may see.")
    public UserDtos.UserView get(@PathParam("username") String username) {
        return service.find(username).orElseThrow(() -> ProblemException.notFound("user", username));
    }

    @PUT
    @Path("{username}/access")
    @Operation(operationId = "changeUserAccess",
        summary = "Replace her roles, a caseworker's districts, a producer's businesses, a sponsor's id",
        description = "Takes effect at her next token refresh or login.")
    public UserDtos.UserView changeAccess(@PathParam("username") String username,
            @Valid @NotNull UserDtos.Access request) {
        return service.changeAccess(username, request);
    }

    @POST
    @Path("{username}/disable")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "disableUser",
        summary = "Disable the account: no more logins, every refresh token revoked",
        description = "For an admin; any other caller is refused 403. Refused: 404 when `username` names nothing the "
            + "caller may see.")
    public UserDtos.UserView disable(@PathParam("username") String username) {
        return service.disable(username);
    }

    @POST
    @Path("{username}/enable")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "enableUser", summary = "Enable a disabled account",
        description = "For an admin; any other caller is refused 403. Refused: 404 when `username` names nothing the "
            + "caller may see.")
    public UserDtos.UserView enable(@PathParam("username") String username) {
        return service.enable(username);
    }

    @POST
    @Path("{username}/password-reset")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "resetUserPassword", summary = "Reset her password",
        description = "A new password, shown only this once, which she must "
        + "change at her next login; the lock-out is lifted and every refresh token of hers revoked.")
    @APIResponse(responseCode = "200", description = "Her new password",
        content = @Content(schema = @Schema(implementation = UserDtos.IssuedPassword.class)))
    public Response resetPassword(@PathParam("username") String username) {
        return Response.ok(service.resetPassword(username)).header("Cache-Control", "no-store").build();
    }
}
