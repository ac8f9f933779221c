package ir.tehran.womenfamily.bazaar.venue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Venues are public: anyone may see where bazaars are held. */
@Path("/venues")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Venues", description = "Parks, metro stations and centres where bazaars are held (public)")
public class VenueResource {

    /** A venue as the public sees it. */
    public record VenueView(UUID id, String code, Venue.Kind kind, String nameFa, String nameEn, int district,
            BigDecimal latitude, BigDecimal longitude, int areaM2) {

        static VenueView of(Venue v) {
            return new VenueView(v.id, v.code, v.kind, v.nameFa, v.nameEn, v.district, v.latitude, v.longitude,
                v.areaM2);
        }
    }

    @Inject
    VenueService service;

    @GET
    @Operation(summary = "Venues, optionally of one district or kind")
    public List<VenueView> list(@QueryParam("district") @Min(1) @Max(22) Integer district,
            @QueryParam("kind") Venue.Kind kind) {
        return service.list(district, kind).stream().map(VenueView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One venue")
    public VenueView get(@PathParam("id") UUID id) {
        return service.find(id).map(VenueView::of).orElseThrow(() -> ProblemException.notFound("venue", id));
    }
}
