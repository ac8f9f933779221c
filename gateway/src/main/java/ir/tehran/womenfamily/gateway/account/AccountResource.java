package ir.tehran.womenfamily.gateway.account;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import ir.tehran.womenfamily.gateway.token.PasswordPolicy;
import ir.tehran.womenfamily.gateway.token.Roles;
import ir.tehran.womenfamily.gateway.web.SourceAddress;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A person's own account: staff, producers and sponsors change their password here, with their current one.
 * Clients (partner apps, agencies, back-office apps) have secrets, not passwords, and are refused.
 */
@Path("/account")
@Authenticated
@Tag(name = "Account", description = "A person's own password")
public class AccountResource {

    @Inject
    Callers callers;

    @Inject
    AccountService service;

    @Inject
    PasswordPolicy policy;

    @Inject
    Validator validator;

    @Inject
    HttpServerRequest httpRequest;

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeMyPassword", summary = "Change my password",
        description = "With the current password. The new one has at least 12 characters (configurable), at most "
            + "72 bytes, no space at either end, does not contain the username and differs from the current one. "
            + "Every refresh token of hers is revoked: she signs in again everywhere. A wrong current password "
            + "counts towards the lock-out like a wrong login. Rate-limited like the token endpoint.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Missing fields, a new password that breaks the policy, or a "
        + "wrong current password (field currentPassword)")
    @APIResponse(responseCode = "403", description = "A client's token, or too many wrong current passwords from "
        + "this address (wait until the time the problem names)")
    public Response change(PasswordChange request) {
        // who asks comes first: a client is refused whatever it sends
        String username = person();
        if (request == null) {
            throw new ProblemException(400, "malformed-json");
        }
        Set<ConstraintViolation<PasswordChange>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        List<String> broken = policy.violations(username, request.newPassword());
        if (!broken.isEmpty()) {
            throw new ProblemException(400, "validation", broken.stream()
                .map(key -> new ProblemException.FieldError("newPassword", key, policy.minLength()))
                .toList());
        }
        AccountService.Outcome outcome = service.changePassword(username, request.currentPassword(),
            request.newPassword(), SourceAddress.key(httpRequest.remoteAddress()));
        return switch (outcome.result()) {
            case CHANGED -> Response.noContent().header("Cache-Control", "no-store").build();
            case WRONG_PASSWORD -> throw ProblemException.invalid("currentPassword", "validation.current-password");
            case SAME_PASSWORD -> throw ProblemException.invalid("newPassword", "validation.password-reused");
            case LOCKED -> throw new ProblemException(403, "account-locked", lockedUntil(outcome.lockedUntil()));
            case UNKNOWN -> throw ProblemException.notFound("user", username);
        };
    }

    /** The username of the person the token names; a client's token is refused. */
    private String person() {
        Caller caller = callers.current();
        String subject = caller.subject();
        boolean clientRole = caller.roles().stream()
            .anyMatch(r -> Roles.CLIENT_ROLES.contains(r) && !Roles.USER_ROLES.contains(r));
        if (subject == null || clientRole || subject.equals(caller.clientId())) {
            throw new ProblemException(403, "not-a-person");
        }
        return subject;
    }

    private static String lockedUntil(Instant until) {
        return until == null ? "" : until.toString();
    }

    /** The password change: the current password and the new one. */
    @Schema(name = "PasswordChange")
    public record PasswordChange(
        @NotNull @Size(min = 1, max = 200) @Schema(format = "password") String currentPassword,
        @NotNull @Size(min = 1, max = 200) @Schema(format = "password") String newPassword) {
    }
}
