package ir.tehran.womenfamily.sponsorship.risk;

import java.util.Locale;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.support.problem.Messages;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/children/{childId}/risk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Early warning")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class ChildRiskResource {

    @Inject
    RiskService service;

    @Inject
    Access access;

    @GET
    @Operation(operationId = "getChildRiskStatus",
        summary = "The rule's verdict on one child, explained; 404 before her first report card",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`childId` names nothing the caller may see.")
    public RiskDtos.StatusView status(@PathParam("childId") UUID childId, @Context HttpHeaders headers) {
        access.requireChild(childId);
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        return service.status(childId).map(s -> RiskDtos.StatusView.of(s, locale))
            .orElseThrow(() -> ProblemException.notFound("risk-verdict", childId));
    }
}
