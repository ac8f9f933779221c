package ir.tehran.womenfamily.registry.me;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.registry.consent.Consent;
import ir.tehran.womenfamily.registry.consent.ConsentService;
import ir.tehran.womenfamily.registry.correction.CorrectionDtos;
import ir.tehran.womenfamily.registry.correction.CorrectionService;
import ir.tehran.womenfamily.registry.work.campaign.CampaignApplication;
import ir.tehran.womenfamily.registry.work.campaign.CampaignApplicationDtos;
import ir.tehran.womenfamily.registry.work.campaign.CampaignApplicationService;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.Versions;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A woman's own API, signed in with her mobile number (role {@code woman}): her record and children as the
 * register holds them (minus what is withheld even from her, see {@link MeDtos}), her consents (revoked through
 * the one consent service, so the revocation reaches sponsorship and the bazaar as every revocation does), her
 * correction requests, and, when she is not in the register, her own application to the campaign.
 */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("woman")
@Tag(name = "Me", description = "A woman's own record, signed in with her mobile number")
@SecurityRequirement(name = "jwt")
public class MeResource {

    private static final String NOT_REGISTERED = " 404 when the register does not know her (her token has no "
        + "beneficiary_id). For the role woman only; anyone else 403.";

    @Inject
    MeService me;

    @Inject
    ConsentService consents;

    @Inject
    CorrectionService corrections;

    @Inject
    CampaignApplicationService campaign;

    @Inject
    Callers callers;

    @GET
    @Operation(operationId = "getMyRecord", summary = "Her own record",
        description = "Her identity, contact and address as the register holds them." + NOT_REGISTERED)
    @APIResponse(responseCode = "200", description = "Her record",
        content = @Content(schema = @Schema(implementation = MeDtos.MyRecord.class)))
    public MeDtos.MyRecord record() {
        return MeDtos.MyRecord.of(me.record(callers.current()));
    }

    @GET
    @Path("/children")
    @Operation(operationId = "listMyChildren", summary = "Her children as the register holds them",
        description = "Her children under 20, oldest first." + NOT_REGISTERED)
    @APIResponse(responseCode = "200", description = "Her children",
        content = @Content(schema = @Schema(implementation = MeDtos.MyChild.class, type = SchemaType.ARRAY)))
    public List<MeDtos.MyChild> children() {
        return me.children(callers.current()).stream().map(MeDtos.MyChild::of).toList();
    }

    @GET
    @Path("/consents")
    @Operation(operationId = "listMyConsents", summary = "The consents she gave, active and revoked",
        description = "Newest first; each with its version for a revocation." + NOT_REGISTERED)
    @APIResponse(responseCode = "200", description = "Her consents",
        content = @Content(schema = @Schema(implementation = MeDtos.MyConsent.class, type = SchemaType.ARRAY)))
    public List<MeDtos.MyConsent> consents() {
        return consents.history(MeService.herId(callers.current())).stream().map(MeDtos.MyConsent::of).toList();
    }

    @POST
    @Path("/consents/{consentId}/revocation")
    @Operation(operationId = "revokeMyConsent", summary = "Revoke a consent she gave",
        description = "As a caseworker's revocation: requires If-Match with the consent's version (428 without, "
            + "412 when it changed), 409 when already revoked; takes effect at once and is announced "
            + "(consent.revoked) to the services that act on it. 404 for a consent that is not hers."
            + NOT_REGISTERED)
    @APIResponse(responseCode = "200", description = "The revoked consent; its ETag is its new version",
        content = @Content(schema = @Schema(implementation = MeDtos.MyConsent.class)))
    public Response revokeConsent(@PathParam("consentId") UUID consentId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Consent consent = consents.revoke(MeService.herId(callers.current()), consentId, Versions.required(ifMatch));
        return Response.ok(MeDtos.MyConsent.of(consent)).tag(Versions.etag(consent.version)).build();
    }

    @GET
    @Path("/corrections")
    @Operation(operationId = "listMyCorrections", summary = "Her correction requests and their outcomes",
        description = "Newest first, with the caseworker's answer once handled." + NOT_REGISTERED)
    @APIResponse(responseCode = "200", description = "Her requests", content = @Content(
        schema = @Schema(implementation = CorrectionDtos.CorrectionView.class, type = SchemaType.ARRAY)))
    public List<CorrectionDtos.CorrectionView> myCorrections() {
        return corrections.ofWoman(MeService.herId(callers.current())).stream()
            .map(CorrectionDtos.CorrectionView::of).toList();
    }

    @POST
    @Path("/corrections")
    @Operation(operationId = "requestMyCorrection", summary = "Ask for a correction of her record or a child's",
        description = "A caseworker of her district handles it; she reads the outcome here (and is notified). 404 "
            + "for a child that is not hers." + NOT_REGISTERED)
    @APIResponse(responseCode = "201", description = "Requested", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = CorrectionDtos.CorrectionView.class)))
    public Response requestCorrection(@Valid @NotNull CorrectionDtos.RequestCorrection request,
            @Context UriInfo uri) {
        var c = corrections.request(MeService.herId(callers.current()), request);
        URI location = uri.getBaseUriBuilder().path("me/corrections").build();
        return Response.created(location).entity(CorrectionDtos.CorrectionView.of(c)).build();
    }

    @GET
    @Path("/campaign-application")
    @Operation(operationId = "getMyCampaignApplication", summary = "Her application to «کار تو خونمونه»",
        description = "Where her own application is (PENDING, CONFIRMED, DECLINED); 404 when she made none. For "
            + "the role woman only; anyone else 403.")
    @APIResponse(responseCode = "200", description = "Her application",
        content = @Content(schema = @Schema(implementation = CampaignApplicationDtos.View.class)))
    public CampaignApplicationDtos.View myApplication() {
        CampaignApplication a = campaign.mine(callers.current())
            .orElseThrow(() -> ProblemException.notFound("campaign-application", "me"));
        return CampaignApplicationDtos.View.of(a);
    }

    @POST
    @Path("/campaign-application")
    @Operation(operationId = "applyToCampaign", summary = "Join «کار تو خونمونه» herself",
        description = "For a girl or woman not in the register (her token has no beneficiary_id): she applies as "
            + "a campaign applicant and a caseworker of the district she names confirms her. 409 when she is in "
            + "the register, already applied, or her national code is registered. For the role woman only; anyone "
            + "else 403.")
    @APIResponse(responseCode = "201", description = "Applied", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = CampaignApplicationDtos.View.class)))
    public Response apply(@Valid @NotNull CampaignApplicationDtos.Apply request, @Context UriInfo uri) {
        CampaignApplication a = campaign.apply(callers.current(), request);
        URI location = uri.getBaseUriBuilder().path("me/campaign-application").build();
        return Response.created(location).entity(CampaignApplicationDtos.View.of(a)).build();
    }
}
