package ir.tehran.womenfamily.sponsorship.risk;

import java.util.List;
import java.util.Locale;

import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.support.problem.Messages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.UriInfo;
import ir.tehran.womenfamily.support.web.http.Cursor;

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
        + "is given)",
        description = "For an admin and a sponsorship officer; any other caller is refused 403.")
    public RestResponse<Page<RiskDtos.AtRiskView>> atRisk(@QueryParam("district") @Min(1) @Max(22) Short district,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri, @Context HttpHeaders headers) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        Cursor after = page.cursor();
        Locale locale = Messages.choose(headers.getAcceptableLanguages());
        List<RiskService.AtRisk> rows = service.atRisk(district, access.scope(),
            after == null ? null : after.instant(0), after == null ? null : after.uuid(1), page.fetchSize());
        return Pages.ok(uri, page.page(rows, r -> Cursor.of(r.status().flaggedAt, r.child().id))
            .map(r -> RiskDtos.AtRiskView.of(r.child(), r.status(), locale)));
    }
}
