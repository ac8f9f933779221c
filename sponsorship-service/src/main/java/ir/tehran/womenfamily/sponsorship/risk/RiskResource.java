package ir.tehran.womenfamily.sponsorship.risk;

import java.util.List;
import java.util.Locale;

import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.support.problem.Messages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/at-risk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Early warning", description = "Children at risk of falling behind at school, with the rule's reasons")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class RiskResource {

    @Inject
    RiskService service;

    @Inject
    Access access;

    @GET
    @Operation(operationId = "listAtRiskChildren",
        summary = "Active children the rule flags, by district (all of the caller's districts when none "
        + "is given)")
    public List<RiskDtos.AtRiskView> atRisk(@QueryParam("district") @Min(1) @Max(22) Short district,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size, @Context HttpHeaders headers) {
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        return service.atRisk(district, access.scope(), page, size).stream()
            .map(r -> RiskDtos.AtRiskView.of(r.child(), r.status(), locale)).toList();
    }
}
