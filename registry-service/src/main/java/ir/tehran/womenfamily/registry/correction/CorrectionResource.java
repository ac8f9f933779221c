package ir.tehran.womenfamily.registry.correction;

import java.util.List;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caseworkers' side of the women's correction requests (the women's side is {@code /me/corrections}). */
@Path("/corrections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Corrections", description = "Women's requests to correct what the register holds about them")
@SecurityRequirement(name = "jwt")
public class CorrectionResource {

    @Inject
    CorrectionService service;

    @GET
    @Operation(operationId = "listOpenCorrections", summary = "Open correction requests",
        description = "The open requests of the women the caller may see (a caseworker: her districts, the women "
            + "she registered, her cases), oldest first, at most 200. For an admin and a caseworker; anyone else "
            + "403.")
    @APIResponse(responseCode = "200", description = "The open requests",
        content = @Content(schema = @Schema(implementation = CorrectionDtos.CorrectionView.class,
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<CorrectionDtos.CorrectionView> open() {
        return service.open().stream().map(CorrectionDtos.CorrectionView::of).toList();
    }

    @POST
    @Path("/{id}/handling")
    @Operation(operationId = "handleCorrection", summary = "Accept or reject a correction request",
        description = "Once per request: 409 when it was already handled. The caseworker corrects the record "
            + "itself through the usual operations; this records the outcome and her answer, and emits "
            + "correction.handled. 404 when the request is unknown or its woman is not visible to the caller.")
    @APIResponse(responseCode = "200", description = "The handled request",
        content = @Content(schema = @Schema(implementation = CorrectionDtos.CorrectionView.class)))
    public CorrectionDtos.CorrectionView handle(@PathParam("id") UUID id,
            @Valid @NotNull CorrectionDtos.HandleCorrection request) {
        return CorrectionDtos.CorrectionView.of(service.handle(id, request));
    }
}
