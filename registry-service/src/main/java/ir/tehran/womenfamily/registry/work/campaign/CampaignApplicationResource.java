package ir.tehran.womenfamily.registry.work.campaign;

import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caseworkers' side of the campaign self-applications (the applicant's side is {@code /me/campaign}). */
@Path("/campaign/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Campaign", description = "The home-business campaign «کار تو خونمونه»")
@SecurityRequirement(name = "jwt")
public class CampaignApplicationResource {

    @Inject
    CampaignApplicationService service;

    @Inject
    Callers callers;

    @GET
    @Operation(operationId = "listCampaignApplications", summary = "Pending self-applications to the campaign",
        description = "The pending applications of the caller's districts (every district for an admin), oldest "
            + "first. For an admin and a caseworker; anyone else 403.")
    @APIResponse(responseCode = "200", description = "The pending applications",
        content = @Content(schema = @Schema(implementation = CampaignApplicationDtos.View.class,
            type = SchemaType.ARRAY)))
    public List<CampaignApplicationDtos.View> pending() {
        return service.pending(callers.current()).stream().map(CampaignApplicationDtos.View::of).toList();
    }

    @POST
    @Path("/{id}/decision")
    @Operation(operationId = "decideCampaignApplication", summary = "Confirm or decline a self-application",
        description = "CONFIRMED registers her as a campaign participant (409 when the national code is registered "
            + "meanwhile); DECLINED ends it. Once: 409 after. 404 when the application is unknown or of another "
            + "district than the caseworker's.")
    @APIResponse(responseCode = "200", description = "The decided application",
        content = @Content(schema = @Schema(implementation = CampaignApplicationDtos.View.class)))
    public CampaignApplicationDtos.View decide(@PathParam("id") UUID id,
            @Valid @NotNull CampaignApplicationDtos.Decide request) {
        return CampaignApplicationDtos.View.of(service.decide(callers.current(), id, request.status()));
    }
}
