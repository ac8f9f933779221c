package ir.tehran.womenfamily.sponsorship.fund;

import java.net.URI;

import ir.tehran.womenfamily.sponsorship.ledger.LedgerEntry;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The campaign fund to free imprisoned mothers: benefactors' contributions, its ledger and balance. */
@Path("/release-fund")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "sponsorship-officer"})
@Tag(name = "Release fund", description = "The campaign fund to free imprisoned mothers: benefactors give to it; "
    + "the registry draws from it for a case it names only by an opaque draw id")
public class ReleaseFundResource {

    private static final String WHO = "For an admin and a sponsorship officer; any other caller is refused 403.";

    @Inject
    ReleaseFundService service;

    @Inject
    Callers callers;

    @GET
    @Operation(operationId = "getReleaseFund", summary = "The fund's balance",
        description = "What benefactors gave, what was drawn for cases and the balance, in integer rials. " + WHO)
    public ReleaseFundDtos.FundView fund() {
        return ReleaseFundDtos.FundView.of(service.fund());
    }

    @POST
    @IdempotentCreate
    @Path("/contributions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordReleaseFundContribution", summary = "Record a benefactor's contribution",
        description = "A ledger entry CONTRIBUTED in integer rials, and the fund's new balance announced on "
            + "`sponsorship.release-fund` (amounts only, no benefactor). " + WHO + " Refused: 400 for an unknown "
            + "benefactor or a day after today; 422 when an Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Recorded",
        headers = @Header(name = "Location", description = "The new ledger entry's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(schema = @Schema(implementation = ReleaseFundDtos.EntryView.class)))
    public Response contribute(@Valid @NotNull ReleaseFundDtos.Contribution request, @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        LedgerEntry e = service.contribute(request, callers.current().subject());
        URI location = uri.getBaseUriBuilder().path("release-fund").path("ledger").path(e.id.toString()).build();
        return Response.created(location).entity(ReleaseFundDtos.EntryView.of(e)).build();
    }

    @GET
    @Path("/ledger")
    @Operation(operationId = "listReleaseFundLedgerEntries", summary = "The fund's ledger, newest first",
        description = "Contributions and draws, as a page. " + WHO)
    public RestResponse<Page<ReleaseFundDtos.EntryView>> ledger(@QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.entries(service.fund().id), e -> e.id.toString())
            .map(ReleaseFundDtos.EntryView::of));
    }

    @GET
    @Path("/ledger/{entryId}")
    @Operation(operationId = "getReleaseFundLedgerEntry", summary = "One entry of the fund's ledger",
        description = WHO + " Refused: 404 when the fund has no such entry.")
    public ReleaseFundDtos.EntryView entry(@PathParam("entryId") long entryId) {
        return service.entry(entryId).map(ReleaseFundDtos.EntryView::of)
            .orElseThrow(() -> ProblemException.notFound("ledger-entry", entryId));
    }
}
