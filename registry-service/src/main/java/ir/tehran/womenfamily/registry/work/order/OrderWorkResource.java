package ir.tehran.womenfamily.registry.work.order;

import java.util.UUID;

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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

/** The work on an order in production: hours, deliveries and their inspection, the payment of the women. */
@Path("/production-orders/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Production orders")
public class OrderWorkResource {

    @Inject
    OrderWorkService service;

    @Inject
    Callers callers;

    @POST
    @Path("/work")
    @RolesAllowed("admin")
    @Operation(operationId = "recordProductionWork",
        summary = "Record the hours women worked on the order (at most 12 a day each, over all orders)",
        description = "For an admin; any other caller is refused 403. Refused: 404 when `id` names nothing the "
            + "caller may see; 422 when an Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Recorded; Location is the order's work",
        headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OrderDtos.WorkView.class)))
    @IdempotentCreate
    public Response recordWork(@PathParam("id") UUID id, @Valid @NotNull OrderDtos.Timesheet sheet,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        // the entries are read as the order's work; Location names it
        return Response.created(uri.getAbsolutePathBuilder().build())
            .entity(service.recordWork(id, sheet, callers.current().subject())).build();
    }

    @GET
    @Path("/work")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "listProductionWork",
        summary = "Hours worked on the order; a caseworker sees only the women she may see",
        description = "For an admin and a caseworker; any other caller is refused 403. Refused: 404 when `id` names "
            + "nothing the caller may see.")
    public RestResponse<Page<OrderDtos.WorkView>> work(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.work(id, callers.current()), w -> w.id().toString()));
    }

    @POST
    @Path("/deliveries")
    @RolesAllowed("admin")
    @Operation(operationId = "recordProductionDelivery",
        summary = "Record a delivery (possibly partial) from one of the order's centres",
        description = "For an admin; any other caller is refused 403. Refused: 404 when `id` names nothing the "
            + "caller may see; 422 when an Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Recorded; Location is the order's deliveries",
        headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = OrderDtos.DeliveryView.class)))
    @IdempotentCreate
    public Response deliver(@PathParam("id") UUID id, @Valid @NotNull OrderDtos.NewDelivery delivery,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        // deliveries are read as the order's list; Location names it
        return Response.created(uri.getAbsolutePathBuilder().build())
            .entity(service.deliver(id, delivery, callers.current().subject())).build();
    }

    @GET
    @Path("/deliveries")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "listProductionDeliveries", summary = "The order's deliveries, oldest first",
        description = "For an admin and a caseworker; any other caller is refused 403. Refused: 404 when `id` names "
            + "nothing the caller may see.")
    public RestResponse<Page<OrderDtos.DeliveryView>> deliveries(@PathParam("id") UUID id,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.deliveries(id), d -> d.id().toString()));
    }

    @POST
    @Path("/deliveries/{deliveryId}/inspection")
    @RolesAllowed("admin")
    @Operation(operationId = "inspectProductionDelivery", summary = "Accept a delivery, or reject it with a reason",
        description = "For an admin; any other caller is refused 403. Refused: 404 when the path names nothing the "
            + "caller may see.")
    public OrderDtos.DeliveryView inspect(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId,
            @Valid @NotNull OrderDtos.Inspection inspection) {
        return service.inspect(id, deliveryId, inspection, callers.current().subject());
    }

    @GET
    @Path("/payment-preview")
    @RolesAllowed("admin")
    @Operation(operationId = "previewProductionPayment",
        summary = "What each woman would be paid from a wage pool, in proportion to her hours",
        description = "For an admin; any other caller is refused 403. Refused: 404 when `id` names nothing the "
            + "caller may see.")
    public OrderDtos.PaymentView preview(@PathParam("id") UUID id,
            @QueryParam("wagePoolRials") @NotNull @Min(1) @Max(OrderDtos.MAX_RIALS) Long wagePoolRials) {
        return service.preview(id, wagePoolRials, callers.current());
    }

    @POST
    @Path("/payment")
    @RolesAllowed("admin")
    @Operation(operationId = "payProductionOrder",
        summary = "Pay a delivered order: the wage pool split by hours in whole rials; the order becomes PAID",
        description = "For an admin; any other caller is refused 403. Refused: 404 when `id` names nothing the "
            + "caller may see.")
    public OrderDtos.PaymentView pay(@PathParam("id") UUID id, @Valid @NotNull OrderDtos.Payment payment) {
        return service.pay(id, payment.wagePoolRials(), callers.current());
    }

    @GET
    @Path("/payment")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "getProductionPayment",
        summary = "The payment of a paid order; a caseworker sees only the women she may see",
        description = "For an admin and a caseworker; any other caller is refused 403. Refused: 404 when `id` names "
            + "nothing the caller may see.")
    public OrderDtos.PaymentView payment(@PathParam("id") UUID id) {
        return service.payment(id, callers.current()).orElseThrow(() -> ProblemException.notFound("payment", id));
    }
}
