package ir.tehran.womenfamily.registry.centre;

import java.util.List;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.web.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Kowsar workshop centres: listed for staff, kept by admins. */
@Path("/workshop-centres")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workshop centres", description = "Kowsar centres (مراکز کوثر)")
public class CentreResource {

    /** A centre as shown. */
    public record CentreView(UUID id, String code, String name, short district, String address, int capacity,
            WorkshopCentre.Renovation renovationState, Short builtYear, long version) {

        static CentreView of(WorkshopCentre c) {
            return new CentreView(c.id, c.code, c.name, c.district, c.address, c.capacity, c.renovationState,
                c.builtYear, c.version);
        }
    }

    /** A new centre. */
    public record NewCentre(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name,
            @NotNull @Min(1) @Max(22) Short district, @Size(max = 500) String address,
            @NotNull @Min(0) @Max(10000) Integer capacity, WorkshopCentre.Renovation renovationState,
            @Min(1300) @Max(1500) Short builtYear) {
    }

    /** Changes to a centre; absent fields stay. */
    public record CentreChange(@Size(min = 1, max = 200) String name, @Size(max = 500) String address,
            @Min(0) @Max(10000) Integer capacity, WorkshopCentre.Renovation renovationState) {
    }

    @GET
    @RolesAllowed({"admin", "caseworker", "bazaar-coordinator", "sponsorship-officer"})
    @Transactional
    @Operation(summary = "Centres, optionally of one district")
    public List<CentreView> list(@QueryParam("district") @Min(1) @Max(22) Short district) {
        List<WorkshopCentre> all = district == null ? WorkshopCentre.listAll(Sort.by("district").and("code"))
            : WorkshopCentre.list("district", Sort.by("code"), district);
        return all.stream().map(CentreView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "caseworker", "bazaar-coordinator", "sponsorship-officer"})
    @Transactional
    @Operation(summary = "One centre")
    public Response get(@PathParam("id") UUID id) {
        WorkshopCentre c = find(id);
        return Response.ok(CentreView.of(c)).tag(Versions.etag(c.version)).build();
    }

    @POST
    @RolesAllowed("admin")
    @Transactional
    @Operation(summary = "Record a centre")
    public Response create(@Valid @NotNull NewCentre n) {
        if (WorkshopCentre.count("code", n.code()) > 0) {
            throw ProblemException.conflict("conflict");
        }
        WorkshopCentre c = new WorkshopCentre();
        c.id = UUID.randomUUID();
        c.code = n.code();
        c.name = PersianText.normalize(n.name());
        c.district = n.district();
        c.address = PersianText.normalize(n.address());
        c.capacity = n.capacity();
        c.renovationState = n.renovationState() == null ? WorkshopCentre.Renovation.NOT_PLANNED : n.renovationState();
        c.builtYear = n.builtYear();
        c.persist();
        return Response.status(Response.Status.CREATED).entity(CentreView.of(c)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("admin")
    @Transactional
    @Operation(summary = "Change a centre (its renovation, capacity...)", description = "Requires If-Match.")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull CentreChange change,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        WorkshopCentre c = find(id);
        Versions.check(ifMatch, c.version);
        if (change.name() != null) {
            c.name = PersianText.normalize(change.name());
        }
        if (change.address() != null) {
            c.address = PersianText.normalize(change.address());
        }
        if (change.capacity() != null) {
            c.capacity = change.capacity();
        }
        if (change.renovationState() != null) {
            c.renovationState = change.renovationState();
        }
        WorkshopCentre.getEntityManager().flush();
        return Response.ok(CentreView.of(c)).tag(Versions.etag(c.version)).build();
    }

    private static WorkshopCentre find(UUID id) {
        return WorkshopCentre.<WorkshopCentre>findByIdOptional(id)
            .orElseThrow(() -> ProblemException.notFound("centre", id));
    }
}
