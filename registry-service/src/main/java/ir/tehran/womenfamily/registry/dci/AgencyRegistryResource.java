package ir.tehran.womenfamily.registry.dci;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.web.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The registry as a DCI client of an agency's registry ({@link AgencyRegistries}): an admin records where it is;
 * a caseworker who may see a woman asks it about her, or subscribes to its events about her, under her consent.
 */
@Path("/dci/agencies/{clientId}/registry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "DCI agency registries", description = "The registry as a DCI client of other agencies' registries")
@SecurityRequirement(name = "jwt")
public class AgencyRegistryResource {

    @Inject
    AgencyRegistries registries;

    @GET
    @Operation(operationId = "getDciAgencyRegistry", summary = "The agency's registry the registry asks",
        description = "Its DCI base URL and the sender_uri its callbacks to the registry go to; whether a bearer "
            + "token is recorded (never the token). The ETag is its version.")
    @APIResponse(responseCode = "200", description = "The agency's registry",
        content = @Content(schema = @Schema(implementation = RemoteDtos.RegistryView.class)))
    public Response get(@PathParam("clientId") String clientId) {
        RemoteDtos.RegistryView r = registries.find(clientId)
            .orElseThrow(() -> ProblemException.notFound("agency-registry", clientId));
        return Response.ok(r).tag(Versions.etag(r.version())).build();
    }

    @PUT
    @Operation(operationId = "putDciAgencyRegistry", summary = "Record the agency's registry",
        description = "Records where the agency's DCI registry is (its base URL, whose origin must be on the "
            + "agency's callback allow-list), the sender_uri for its callbacks, and the bearer token its gateway "
            + "issued the registry (write only, sealed at rest with AES-256-GCM under registry.dci.token-key; 503 "
            + "dci-token-key when a token is given and no key is configured). The agency must be in the directory; "
            + "its keys verify what it sends. If-Match, when sent, must be the version read. Audited.")
    @APIResponse(responseCode = "200", description = "The agency's registry as recorded",
        content = @Content(schema = @Schema(implementation = RemoteDtos.RegistryView.class)))
    public Response put(@PathParam("clientId") String clientId, @Valid @NotNull RemoteDtos.RegistryChange change,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        RemoteDtos.RegistryView r = registries.put(clientId, change, ifMatch);
        return Response.ok(r).tag(Versions.etag(r.version())).build();
    }

    @POST
    @Path("/search")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "searchDciAgencyRegistry", summary = "Ask the agency's registry about a woman",
        description = "A signed DCI sync search by her national code (idtype-value) sent to the agency's registry: "
            + "whether it knows her, her records as it gives them and the support it reports. Only for a woman the "
            + "caller may see, under her active SHARE_WITH_AGENCY consent covering that agency (403 "
            + "dci-remote-consent otherwise); the national code sent is in her disclosure log. The answer is not "
            + "stored. Audited. An agency that does not answer is a 502; a stored token that cannot be opened (no "
            + "registry.dci.token-key) is a 503 dci-token-key.")
    @APIResponse(responseCode = "200", description = "The agency's answer",
        content = @Content(schema = @Schema(implementation = RemoteDtos.SearchAnswer.class)))
    public RemoteDtos.SearchAnswer search(@PathParam("clientId") String clientId,
            @Valid @NotNull RemoteDtos.SearchRequest request) {
        return registries.search(clientId, request.beneficiaryId());
    }

    @GET
    @Path("/subscriptions")
    @Operation(operationId = "listDciAgencyRegistrySubscriptions", summary = "The registry's subscriptions there",
        description = "The registry's subscriptions to the agency's registry, newest first, with their state "
            + "and the agency's code.")
    @APIResponse(responseCode = "200", description = "The subscriptions",
        content = @Content(schema = @Schema(implementation = RemoteDtos.SubscriptionView.class, type =
            org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<RemoteDtos.SubscriptionView> subscriptions(@PathParam("clientId") String clientId) {
        return registries.subscriptions(clientId);
    }

    @POST
    @Path("/subscriptions")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "subscribeDciAgencyRegistry", summary = "Subscribe to the agency's events about a woman",
        description = "A signed DCI subscribe sent to the agency's registry for her national code and an event "
            + "type, under the same consent rule as a search; kept REQUESTED until the agency's on-subscribe "
            + "confirms it (ACTIVE, with its code). Its notify then records what the agency gives her household. "
            + "Audited.")
    @APIResponse(responseCode = "201", description = "The subscription, as asked",
        content = @Content(schema = @Schema(implementation = RemoteDtos.SubscriptionView.class)))
    public Response subscribe(@PathParam("clientId") String clientId,
            @Valid @NotNull RemoteDtos.SubscriptionRequest request) {
        return Response.status(201).entity(registries.subscribe(clientId, request)).build();
    }

    @DELETE
    @Path("/subscriptions/{id}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "unsubscribeDciAgencyRegistry", summary = "End a subscription to the agency's registry",
        description = "No notify of it is accepted from now on; the agency is sent a signed unsubscribe of its code. "
            + "Audited.")
    @APIResponse(responseCode = "200", description = "The subscription, ended",
        content = @Content(schema = @Schema(implementation = RemoteDtos.SubscriptionView.class)))
    public RemoteDtos.SubscriptionView unsubscribe(@PathParam("clientId") String clientId,
            @PathParam("id") UUID id) {
        return registries.unsubscribe(clientId, id);
    }
}
