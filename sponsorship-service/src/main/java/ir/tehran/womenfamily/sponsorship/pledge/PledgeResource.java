package ir.tehran.womenfamily.sponsorship.pledge;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.sponsorship.ledger.LedgerEntry;
import ir.tehran.womenfamily.support.problem.ProblemException;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import org.jboss.resteasy.reactive.RestResponse;
import ir.tehran.womenfamily.support.web.http.Cursor;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import jakarta.ws.rs.HeaderParam;

@Path("/pledges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pledges", description = "Pledges and sponsorships, and the money: pledged, received, disbursed")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class PledgeResource {

    @Inject
    PledgeService service;

    @Inject
    Access access;

    @Inject
    Callers callers;

    @Inject
    InstalmentService instalments;

    @POST
    @IdempotentCreate
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "proposePledge",
        summary = "Propose a pledge for a chosen child; she is held for the sponsor until it is confirmed",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 422 when an "
            + "Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The new pledge's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(schema = @Schema(implementation = PledgeDtos.PledgeView.class)))
    public Response propose(@Valid @NotNull PledgeDtos.NewPledge request, @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        access.requireChildField(request.childId(), "childId");
        Pledge p = service.propose(request, callers.current().subject());
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + p.id)).entity(PledgeDtos.PledgeView.of(p))
            .build();
    }

    @GET
    @Operation(operationId = "listPledges",
        summary = "Pledges, by sponsor, child, status and purpose",
        description = "For an admin and a sponsorship officer; any other caller is refused 403.")
    public RestResponse<Page<PledgeDtos.PledgeView>> list(@QueryParam("sponsorId") UUID sponsorId,
            @QueryParam("childId") UUID childId, @QueryParam("status") Pledge.Status status,
            @QueryParam("purpose") Pledge.Purpose purpose, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        Cursor after = page.cursor();
        List<Pledge> rows = service.list(new PledgeService.Filter(sponsorId, childId, status, purpose, access.scope()),
            after == null ? null : after.instant(0), after == null ? null : after.uuid(1), page.fetchSize());
        return Pages.ok(uri, page.page(rows, p -> Cursor.of(p.proposedAt, p.id)).map(PledgeDtos.PledgeView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPledge",
        summary = "One pledge with its balances",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public PledgeDtos.PledgeView get(@PathParam("id") UUID id) {
        access.requireOfChild("Pledge", "pledge", id);
        return service.find(id).map(PledgeDtos.PledgeView::of)
            .orElseThrow(() -> ProblemException.notFound("pledge", id));
    }

    @POST
    @Path("/{id}/confirmation")
    @Operation(operationId = "confirmPledge",
        summary = "Confirm: the sponsorship starts (event sponsorship.started)",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public PledgeDtos.PledgeView confirm(@PathParam("id") UUID id) {
        access.requireOfChild("Pledge", "pledge", id);
        return PledgeDtos.PledgeView.of(service.confirm(id, callers.current().subject()));
    }

    @POST
    @Path("/{id}/release")
    @Operation(operationId = "releasePledge",
        summary = "Decline a proposal: the child is no longer held",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public PledgeDtos.PledgeView release(@PathParam("id") UUID id) {
        access.requireOfChild("Pledge", "pledge", id);
        return PledgeDtos.PledgeView.of(service.release(id));
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "endSponsorship",
        summary = "End a sponsorship (event sponsorship.ended); what was not paid is released",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public PledgeDtos.PledgeView end(@PathParam("id") UUID id, @Valid @NotNull PledgeDtos.End request) {
        access.requireOfChild("Pledge", "pledge", id);
        return PledgeDtos.PledgeView.of(service.end(id, request.reason(), callers.current().subject()));
    }

    @POST
    @IdempotentCreate
    @Path("/{id}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordPledgeReceipt",
        summary = "Record money received from the payer; never more than is outstanding",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see; 422 when an Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The new ledger entry's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(schema = @Schema(implementation = PledgeDtos.EntryView.class)))
    public Response receive(@PathParam("id") UUID id, @Valid @NotNull PledgeDtos.Receipt request,
            @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        access.requireOfChild("Pledge", "pledge", id);
        LedgerEntry e = service.receive(id, request, callers.current().subject());
        return Response.created(entryUri(uri, id, e)).entity(PledgeDtos.EntryView.of(e)).build();
    }

    @POST
    @IdempotentCreate
    @Path("/{id}/disbursements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordPledgeDisbursement",
        summary = "Record money paid out for the child (event disbursement.recorded); never more than is "
        + "available",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see; 422 when an Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The new ledger entry's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(schema = @Schema(implementation = PledgeDtos.EntryView.class)))
    public Response disburse(@PathParam("id") UUID id, @Valid @NotNull PledgeDtos.Disbursement request,
            @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        access.requireOfChild("Pledge", "pledge", id);
        LedgerEntry e = service.disburse(id, request, callers.current().subject());
        return Response.created(entryUri(uri, id, e)).entity(PledgeDtos.EntryView.of(e)).build();
    }

    @GET
    @Path("/{id}/instalments")
    @Operation(operationId = "listPledgeInstalments",
        summary = "The instalment schedule of a confirmed pledge (Jalali months), with payments and what is "
        + "overdue",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public RestResponse<Page<PledgeDtos.InstalmentView>> instalments(@PathParam("id") UUID id,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        access.requireOfChild("Pledge", "pledge", id);
        service.find(id).orElseThrow(() -> ProblemException.notFound("pledge", id));
        LocalDate today = instalments.today();
        return Pages.ok(uri, page.slice(instalments.ofPledge(id).stream()
            .map(w -> PledgeDtos.InstalmentView.of(w.instalment(), w.payments(), today))
            .toList(), i -> String.valueOf(i.number())));
    }

    @GET
    @Path("/{id}/ledger")
    @Operation(operationId = "listPledgeLedgerEntries",
        summary = "The pledge's ledger entries, in order",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public RestResponse<Page<PledgeDtos.EntryView>> ledger(@PathParam("id") UUID id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        access.requireOfChild("Pledge", "pledge", id);
        service.find(id).orElseThrow(() -> ProblemException.notFound("pledge", id));
        return Pages.ok(uri, page.slice(service.entries(id), e -> e.id.toString()).map(PledgeDtos.EntryView::of));
    }

    @GET
    @Path("/{id}/ledger/{entryId}")
    @Operation(operationId = "getPledgeLedgerEntry", summary = "One entry of the pledge's ledger",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "the path names nothing the caller may see.")
    public PledgeDtos.EntryView ledgerEntry(@PathParam("id") UUID id, @PathParam("entryId") long entryId) {
        access.requireOfChild("Pledge", "pledge", id);
        return service.entry(id, entryId).map(PledgeDtos.EntryView::of)
            .orElseThrow(() -> ProblemException.notFound("ledger-entry", entryId));
    }

    private static URI entryUri(UriInfo uri, UUID pledgeId, LedgerEntry e) {
        return uri.getBaseUriBuilder().path("pledges").path(pledgeId.toString()).path("ledger")
            .path(e.id.toString()).build();
    }
}
