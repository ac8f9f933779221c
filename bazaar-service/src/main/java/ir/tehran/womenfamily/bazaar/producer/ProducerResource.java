package ir.tehran.womenfamily.bazaar.producer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/producers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Producers", description = "Businesses and campaign applicants known from the registry's events")
@SecurityRequirement(name = "jwt")
public class ProducerResource {

    @Inject
    ProducerService service;

    @Inject
    BazaarAccess access;

    /**
     * What the bazaar service knows of a business, or of a campaign applicant (kind {@code CAMPAIGN}, her id
     * in {@code businessId}, the categories she works in and the day of her first sale).
     */
    @Schema(name = "BazaarProducer")
    public record ProducerView(UUID businessId, Producer.Kind kind, boolean headsHousehold, String category,
            List<String> categories, Short district, Producer.Status status, LocalDate eligibleSince,
            Instant updatedAt) {

        static ProducerView of(Producer p) {
            return new ProducerView(p.businessId, p.kind, p.headsHousehold, p.category,
                p.isCampaign() ? p.campaignCategories() : null, p.district, p.status, p.eligibleSince, p.updatedAt);
        }
    }

    @GET
    @Path("/{businessId}")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PRODUCER})
    @Operation(operationId = "getBazaarProducer",
        summary = "A business or campaign applicant as the bazaar service knows it (a producer sees only "
        + "her own)",
        description = "For an admin, a bazaar coordinator and a producer (only her own businesses' records); any "
            + "other caller is refused 403. Refused: 404 when `businessId` names nothing the caller may see.")
    public ProducerView get(@PathParam("businessId") UUID businessId) {
        if (!access.actsFor(businessId)) {
            throw ProblemException.notFound("producer", businessId);
        }
        return service.find(businessId)
            .map(ProducerView::of)
            .orElseThrow(() -> ProblemException.notFound("producer", businessId));
    }
}
