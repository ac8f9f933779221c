package ir.tehran.womenfamily.registry.dci;

import java.util.Arrays;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import ir.tehran.womenfamily.support.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The DCI Social Registry API v1.0.0 for agencies, under {@code /dci/registry} here; the gateway serves it at
 * {@code /registry/...}, the paths of the standard. Only an agency client holding the scope
 * {@value #SCOPE} may call it.
 */
@Path("/dci/registry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("agency")
@Tag(name = "DCI social registry", description = "The DCI Social Registry API for agencies (SPDCI v1.0.0)")
@SecurityRequirement(name = "jwt")
public class DciResource {

    /** The scope an agency client needs for the DCI API. */
    public static final String SCOPE = "dci.registry.search";

    @Inject
    DciSearch search;

    @Inject
    JsonWebToken token;

    @Inject
    DciEnvelopes envelopes;

    @POST
    @Path("/sync/search")
    @Operation(operationId = "dciSyncSearch", summary = "Search women by national code (DCI sync search)",
        description = "Answers at once with an on-search message; a woman is in it only under her active "
            + "SHARE_WITH_AGENCY consent for the calling agency.")
    @APIResponse(responseCode = "200", description = "The on-search answer",
        content = @Content(schema = @Schema(implementation = DciDtos.SearchResponseEnvelope.class)))
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DciDtos.SearchEnvelope.class)))
    public DciDtos.SearchResponseEnvelope syncSearch(String body) throws JsonProcessingException {
        requireScope(token);
        return search.search(envelopes.read(body, DciDtos.SearchEnvelope.class));
    }

    @POST
    @Path("/search")
    @Operation(operationId = "dciSearch", summary = "Search women by national code, answered by callback",
        description = "Checks the envelope and its signature and answers with an ACK at once; the on-search message "
            + "(as the sync search answers it, under the same consent rules) follows as a signed callback to "
            + "{sender_uri}/registry/on-search, whose origin must be on the agency's allow-list.")
    @APIResponse(responseCode = "200", description = "Acknowledged; the answer follows as a callback",
        content = @Content(schema = @Schema(implementation = DciDtos.Ack.class)))
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DciDtos.SearchEnvelope.class)))
    public DciDtos.Ack asyncSearch(String body) throws JsonProcessingException {
        requireScope(token);
        return search.searchAsync(envelopes.read(body, DciDtos.SearchEnvelope.class));
    }

    @POST
    @Path("/txn/status")
    @Operation(operationId = "dciTxnStatus", summary = "Ask a transaction's status, answered by callback",
        description = "Answers with an ACK; the txn-on-status message follows as a signed callback to "
            + "{sender_uri}/registry/txn/on-status. Only the agency's own transactions are found.")
    @APIResponse(responseCode = "200", description = "Acknowledged; the answer follows as a callback",
        content = @Content(schema = @Schema(implementation = DciDtos.Ack.class)))
    @RequestBody(required = true,
        content = @Content(schema = @Schema(implementation = DciDtos.TxnStatusEnvelope.class)))
    public DciDtos.Ack asyncTxnStatus(String body) throws JsonProcessingException {
        requireScope(token);
        return search.txnStatusAsync(envelopes.read(body, DciDtos.TxnStatusEnvelope.class));
    }

    @POST
    @Path("/sync/txn/status")
    @Operation(operationId = "dciSyncTxnStatus", summary = "A transaction's status",
        description = "The status of one of the agency's own transactions (by transaction_id or correlation_id): "
            + "its items' references, statuses and reasons, never a record.")
    @APIResponse(responseCode = "200", description = "The txn-on-status answer",
        content = @Content(schema = @Schema(implementation = DciDtos.TxnStatusResponseEnvelope.class)))
    @RequestBody(required = true,
        content = @Content(schema = @Schema(implementation = DciDtos.TxnStatusEnvelope.class)))
    public DciDtos.TxnStatusResponseEnvelope syncTxnStatus(String body) throws JsonProcessingException {
        requireScope(token);
        return search.txnStatus(envelopes.read(body, DciDtos.TxnStatusEnvelope.class));
    }

    /** Every DCI operation needs the scope {@value #SCOPE}: a 403 {@code dci-scope} without it. */
    static void requireScope(JsonWebToken token) {
        Object scope = token.getClaim("scope");
        if (scope == null || Arrays.stream(scope.toString().split(" ")).noneMatch(SCOPE::equals)) {
            throw new ProblemException(403, "dci-scope");
        }
    }
}
