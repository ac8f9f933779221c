package ir.tehran.womenfamily.registry.consent;

import java.time.Instant;
import java.util.UUID;

import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/beneficiaries/{id}/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Consent", description = "A woman's consent per purpose, with its history and revocations")
@SecurityRequirement(name = "jwt")
public class DisclosureResource {

    @Inject
    DisclosureLog log;

    @Inject
    Callers callers;

    @Schema(name = "Disclosure", description = "One thing shared of her under a consent: by which service (the "
        + "registry itself, or the bazaar and sponsorship, which report their shares by event), what (a code, never "
        + "the data), to whom (a kind such as sponsor or partner-app, with an agency's kind or a partner's client "
        + "id), when, under which consent, and the record it belongs to.")
    public record DisclosureView(UUID id, Instant disclosedAt, String disclosedOnJalali,
            @Schema(enumeration = {"registry", "bazaar", "sponsorship"}) String service, ConsentPurpose purpose,
            UUID consentId, String what, String recipient, String reference) {

        static DisclosureView of(Disclosure d) {
            return new DisclosureView(d.id, d.disclosedAt, Days.jalali(d.disclosedAt), d.service, d.purpose,
                d.consentId, d.what, d.recipient, d.reference);
        }
    }

    @GET
    @Operation(operationId = "listBeneficiaryDisclosures",
        summary = "What was shared of her under her consents, by the registry, the bazaar and sponsorship, "
        + "newest first (audited)",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public RestResponse<Page<DisclosureView>> list(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(log.of(id, callers.current()), d -> d.id.toString()).map(DisclosureView::of));
    }
}
