package ir.tehran.womenfamily.registry.work.order;

import java.util.UUID;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.Versions;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Production orders (سفارش تولید) to the Kowsar centres: admins write, caseworkers read. */
@Path("/production-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Production orders", description = "Orders of municipal departments to the Kowsar centres (سفارش تولید)")
public class OrderResource {

    @Inject
    OrderService service;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed("admin")
    @Operation(operationId = "createProductionOrder",
        summary = "Draft an order: department, items (product, size, quantity, unit price in rials), dates",
        description = "For an admin; any other caller is refused 403. Refused: 422 when an Idempotency-Key is reused "
            + "for another request.")
    @APIResponse(responseCode = "201", description = "Drafted", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = OrderDtos.OrderView.class)))
    @IdempotentCreate
    public Response create(@Valid @NotNull OrderDtos.NewOrder order,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        OrderDtos.OrderView v = service.create(order, callers.current().subject());
        return Response.created(uri.getAbsolutePathBuilder().path(v.id().toString()).build())
            .tag(Versions.etag(v.version())).entity(v).build();
    }

    @GET
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "listProductionOrders", summary = "Orders by state or centre, the soonest due first",
        description = "For an admin and a caseworker; any other caller is refused 403.")
    public RestResponse<Page<OrderDtos.OrderSummary>> list(@QueryParam("state") OrderState state,
            @QueryParam("centreId") UUID centreId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return Pages.ok(uri, service.list(state, centreId, PageRequest.of(limit, cursor, 2)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "getProductionOrder",
        summary = "One order with its items, split, deliveries so far and history",
        description = "For an admin and a caseworker; any other caller is refused 403. Refused: 404 when `id` names "
            + "nothing the caller may see.")
    @APIResponse(responseCode = "200", description = "The order",
        content = @Content(schema = @Schema(implementation = OrderDtos.OrderView.class)))
    public Response get(@PathParam("id") UUID id) {
        OrderDtos.OrderView v = service.view(id).orElseThrow(() -> ProblemException.notFound("production-order", id));
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(operationId = "updateProductionOrder", summary = "Change a draft",
        description = "Requires If-Match. New items or dates clear the split.")
    @APIResponse(responseCode = "200", description = "The changed order",
        content = @Content(schema = @Schema(implementation = OrderDtos.OrderView.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull OrderDtos.OrderChange change,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        OrderDtos.OrderView v = service.update(id, Versions.required(ifMatch), change, callers.current().subject());
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }

    @PUT
    @Path("/{id}/allocations")
    @RolesAllowed("admin")
    @Operation(operationId = "splitProductionOrder", summary = "Split the order across centres",
        description = "Requires If-Match. The units add up to the order's pieces; each centre must have the room "
            + "over the order's window and no renovation then (409 centre-over-capacity, centre-under-renovation).")
    @APIResponse(responseCode = "200", description = "The order with its split",
        content = @Content(schema = @Schema(implementation = OrderDtos.OrderView.class)))
    public Response split(@PathParam("id") UUID id, @Valid @NotNull OrderDtos.Split split,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        OrderDtos.OrderView v = service.split(id, Versions.required(ifMatch), split, callers.current().subject());
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }

    @GET
    @Path("/{id}/split-proposal")
    @RolesAllowed("admin")
    @Operation(operationId = "proposeProductionOrderSplit",
        summary = "A split by the centres' remaining capacity over the order's window (fewest centres)",
        description = "For an admin; any other caller is refused 403. Refused: 404 when `id` names nothing the "
            + "caller may see.")
    public OrderDtos.Proposal propose(@PathParam("id") UUID id,
            @QueryParam("district") @Min(1) @Max(22) Short district) {
        return service.propose(id, district);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed("admin")
    @Operation(operationId = "moveProductionOrder",
        summary = "Move the order: DRAFT → ACCEPTED → IN_PRODUCTION → DELIVERED; DRAFT or ACCEPTED → CANCELLED",
        description = "Requires If-Match. An illegal move is a 409 illegal-transition.")
    @APIResponse(responseCode = "200", description = "The order in its new state",
        content = @Content(schema = @Schema(implementation = OrderDtos.OrderView.class)))
    public Response move(@PathParam("id") UUID id, @Valid @NotNull OrderDtos.Move move,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        OrderDtos.OrderView v = service.move(id, Versions.required(ifMatch), move.to(), callers.current().subject());
        return Response.ok(v).tag(Versions.etag(v.version())).build();
    }
}
