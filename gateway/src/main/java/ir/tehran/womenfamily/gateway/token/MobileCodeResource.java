package ir.tehran.womenfamily.gateway.token;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vertx.core.http.HttpServerRequest;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.gateway.web.SourceAddress;
import ir.tehran.womenfamily.support.sms.Mobile;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The first step of a woman's sign-in: a one-time code sent by SMS to her mobile number ({@link MobileSignIn}). The
 * second step is the token endpoint's grant {@value MobileSignIn#GRANT_TYPE}. Same conventions as the token
 * endpoint: a form in, RFC 6749 error bodies out, never cached.
 */
@Path("/oauth2")
@Tag(name = "OAuth 2", description = "Access tokens for partner applications and staff")
public class MobileCodeResource {

    @Inject
    HttpServerRequest request;

    @Inject
    MobileSignIn mobileSignIn;

    @Inject
    GatewayConfig config;

    @POST
    @Path("/mobile-code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestMobileCode", summary = "Send a one-time sign-in code to a mobile number",
        description = "Public. mobile=<number in any common form>. Every valid mobile number gets the same answer, "
            + "whether or not the register knows it; the code (valid for expires_in seconds, used once, a few tries) "
            + "is redeemed at POST /oauth2/token with grant_type=" + MobileSignIn.GRANT_TYPE + ". Limited per "
            + "number and per source address (429 slow_down with Retry-After).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
        schema = @Schema(implementation = MobileCodeRequest.class)))
    @APIResponse(responseCode = "200", description = "Sent, if the number can receive it",
        content = @Content(schema = @Schema(implementation = TokenResponses.CodeSent.class)))
    @APIResponse(responseCode = "400", description = "invalid_request: no form, or not a mobile number; "
        + "unsupported_grant_type: sign-in with a code is switched off",
        content = @Content(schema = @Schema(implementation = TokenResponses.TokenError.class)))
    @APIResponse(responseCode = "429", description = "slow_down: too many codes for this number or from this address",
        headers = @Header(name = "Retry-After", description = "Seconds to wait",
            schema = @Schema(implementation = Integer.class)),
        content = @Content(schema = @Schema(implementation = TokenResponses.TokenError.class)))
    public Response requestCode(MultivaluedMap<String, String> form) {
        if (!config.mobileSignIn().enabled()) {
            return TokenResponses.unsupportedGrantType("Sign-in with a one-time code is switched off.");
        }
        if (form == null || form.get("mobile") == null || form.get("mobile").size() != 1) {
            return TokenResponses.invalidRequest("mobile is required, once.");
        }
        Optional<String> mobile = Mobile.e164(form.getFirst("mobile"));
        if (mobile.isEmpty()) {
            return TokenResponses.invalidRequest("mobile is not a mobile number.");
        }
        MobileSignIn.CodeRequest answer = mobileSignIn.request(mobile.get(),
            SourceAddress.key(request.remoteAddress()));
        if (answer.limited()) {
            return TokenResponses.slowDown("Too many codes were asked for this number or from this address; "
                + "wait and try again.", answer.retryAfter());
        }
        var c = config.mobileSignIn();
        return TokenResponses.codeSent(c.codeLifetime().toSeconds(), c.codeLength());
    }

    /** Anything but a form: an RFC 6749 error rather than a generic 415. */
    @POST
    @Path("/mobile-code")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response requestCodeWithoutForm() {
        return TokenResponses.invalidRequest("Send the parameters as application/x-www-form-urlencoded.");
    }

    /** The code request form, for the API document only. */
    @Schema(name = "MobileCodeRequest")
    public static class MobileCodeRequest {
        @Schema(required = true, description = "The mobile number, in any common form (09…, +98…, Persian digits)",
            examples = "09121234567")
        public String mobile;
        @JsonProperty("client_id")
        @Schema(description = "The app asking (optional)")
        public String clientId;
    }
}
