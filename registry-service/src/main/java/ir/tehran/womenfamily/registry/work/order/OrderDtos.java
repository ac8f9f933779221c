package ir.tehran.womenfamily.registry.work.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.taxonomy.Category;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for production orders. Dates in: ISO or Jalali; dates out: both. Money: integer rials. */
public final class OrderDtos {

    public static final long MAX_RIALS = 1_000_000_000_000_000L;

    private OrderDtos() {
    }

    @Schema(name = "NewOrderItem", description = "A product in one size: how many pieces and the price of one")
    public record NewItem(@NotBlank @Size(max = 200) String product, Category category,
            @Size(max = 40) String size, @NotNull @Min(1) @Max(1_000_000) Integer quantity,
            @NotNull @Min(0) @Max(MAX_RIALS) Long unitPriceRials) {
    }

    @Schema(name = "NewProductionOrder")
    public record NewOrder(@NotBlank @Size(max = 200) String department,
            @Size(max = 100) String departmentReference, @Size(max = 200) String title,
            @Schema(description = "First day of production, ISO or Jalali; today when absent",
                implementation = String.class, examples = "1406-02-01")
            @JsonDeserialize(using = DateInput.class) LocalDate startDate,
            @Schema(description = "Due date, ISO or Jalali", implementation = String.class, examples = "1406-02-31")
            @NotNull @JsonDeserialize(using = DateInput.class) LocalDate dueDate,
            @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull NewItem> items) {
    }

    @Schema(name = "ProductionOrderChange", description = "A draft's changes; absent fields stay. New items or "
        + "dates replace the old ones and clear the split across centres.")
    public record OrderChange(@Size(min = 1, max = 200) String department,
            @Size(max = 100) String departmentReference, @Size(max = 200) String title,
            @Schema(implementation = String.class) @JsonDeserialize(using = DateInput.class) LocalDate startDate,
            @Schema(implementation = String.class) @JsonDeserialize(using = DateInput.class) LocalDate dueDate,
            @Size(min = 1, max = 200) List<@Valid @NotNull NewItem> items) {
    }

    @Schema(name = "CentreShare", description = "Pieces of the order one centre makes")
    public record CentreShare(@NotNull UUID centreId, @NotNull @Min(1) @Max(100_000_000) Integer units) {
    }

    @Schema(name = "OrderSplit", description = "The whole split; the units add up to the order's pieces")
    public record Split(@NotNull @Size(min = 1, max = 100) List<@Valid @NotNull CentreShare> allocations) {
    }

    @Schema(name = "OrderTransition", description = "ACCEPTED, IN_PRODUCTION, DELIVERED or CANCELLED; "
        + "PAID comes with the payment")
    public record Move(@NotNull OrderState to) {
    }

    @Schema(name = "WorkEntry", description = "Hours a woman worked on the order at a centre on a day")
    public record NewWork(@NotNull UUID beneficiaryId, @NotNull UUID centreId,
            @Schema(implementation = String.class, examples = "1406-02-05")
            @NotNull @JsonDeserialize(using = DateInput.class) LocalDate workDate,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("12") @Digits(integer = 2, fraction = 2)
            BigDecimal hours) {
    }

    @Schema(name = "WorkEntries")
    public record Timesheet(@NotNull @Size(min = 1, max = 500) List<@Valid @NotNull NewWork> entries) {
    }

    @Schema(name = "DeliveryLine")
    public record NewLine(@NotNull UUID itemId, @NotNull @Min(1) @Max(1_000_000) Integer quantity) {
    }

    @Schema(name = "NewDelivery", description = "Pieces delivered by one centre; a delivery may be partial")
    public record NewDelivery(@NotNull UUID centreId,
            @Schema(implementation = String.class, examples = "1406-02-20")
            @NotNull @JsonDeserialize(using = DateInput.class) LocalDate deliveredOn,
            @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull NewLine> lines) {
    }

    @Schema(name = "DeliveryInspection", description = "The department's verdict; a rejection needs its reason")
    public record Inspection(@NotNull Verdict outcome, @Size(max = 500) String reason,
            @Schema(implementation = String.class) @JsonDeserialize(using = DateInput.class) LocalDate inspectedOn) {
    }

    /** The outcome of an inspection. */
    @Schema(name = "DeliveryVerdict")
    public enum Verdict { ACCEPTED, REJECTED }

    @Schema(name = "OrderPayment", description = "The wages to pay the women, split by their hours")
    public record Payment(@NotNull @Min(1) @Max(MAX_RIALS) Long wagePoolRials) {
    }

    @Schema(name = "ProductionOrderItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(UUID id, int position, String product, Category category, String categoryFa,
            String size, int quantity, long unitPriceRials, long amountRials, long acceptedQuantity,
            long pendingQuantity) {
    }

    @Schema(name = "ProductionOrderAllocation")
    public record AllocationView(UUID centreId, String centreCode, String centreName, short district, int units) {
    }

    @Schema(name = "ProductionOrderStep")
    public record StepView(OrderState state, Instant at, String onJalali, String by) {
    }

    @Schema(name = "ProductionOrder")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderView(UUID id, String department, String departmentReference, String title, OrderState state,
            LocalDate startDate, String startDateJalali, LocalDate dueDate, String dueDateJalali,
            List<ItemView> items, long totalUnits, long totalValueRials, long acceptedValueRials,
            List<AllocationView> allocations, Long wagePoolRials, Instant paidAt, Instant createdAt,
            String createdOnJalali, String createdBy, long version, List<StepView> history) {
    }

    @Schema(name = "ProductionOrderSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderSummary(UUID id, String department, String title, OrderState state, LocalDate dueDate,
            String dueDateJalali, long totalUnits, long totalValueRials) {
    }

    @Schema(name = "ProposedShare")
    public record ProposedShare(UUID centreId, String centreCode, String centreName, short district, int units,
            long remainingUnits) {
    }

    @Schema(name = "SplitProposal", description = "Fewest centres first: those with the most room take most")
    public record Proposal(UUID orderId, LocalDate from, String fromJalali, LocalDate to, String toJalali,
            long totalUnits, List<ProposedShare> allocations) {
    }

    @Schema(name = "OrderLoad")
    public record OrderLoad(UUID orderId, long units) {
    }

    @Schema(name = "CentreCapacity", description = "What a centre can still take over the days asked about. "
        + "remainingUnits: its output over the range less the orders' loads there; peakDailyLoad: the pieces "
        + "booked on its busiest working day; orderRoomUnits: the most pieces one more order over exactly these "
        + "days can take, spread evenly, without any day going over the daily output (what a split is checked "
        + "against; 0 when a renovation falls in the range)")
    public record CapacityView(UUID centreId, String centreCode, String centreName, short district,
            int dailyCapacity, LocalDate from, String fromJalali, LocalDate to, String toJalali, long workingDays,
            long renovationDays, long capacityUnits, long bookedUnits, long remainingUnits,
            BigDecimal peakDailyLoad, long orderRoomUnits, List<OrderLoad> orders) {
    }

    @Schema(name = "WorkEntryView")
    public record WorkView(UUID id, UUID beneficiaryId, UUID centreId, LocalDate workDate, String workDateJalali,
            BigDecimal hours, String recordedBy) {

        static WorkView of(WorkEntry w) {
            return new WorkView(w.id, w.beneficiaryId, w.centreId, w.workDate,
                Days.jalali(w.workDate), w.hours, w.recordedBy);
        }
    }

    @Schema(name = "DeliveryLineView")
    public record LineView(UUID itemId, int quantity) {
    }

    @Schema(name = "Delivery")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(UUID id, UUID centreId, LocalDate deliveredOn, String deliveredOnJalali,
            Delivery.State state, String reason, LocalDate inspectedOn, String inspectedOnJalali, String inspectedBy,
            long units, List<LineView> lines, long version) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id, d.centreId, d.deliveredOn,
                Days.jalali(d.deliveredOn), d.state, d.reason, d.inspectedOn,
                Days.jalali(d.inspectedOn), d.inspectedBy,
                d.lines.stream().mapToLong(l -> l.quantity).sum(),
                d.lines.stream().map(l -> new LineView(l.itemId, l.quantity)).toList(), d.version);
        }
    }

    @Schema(name = "Payout")
    public record PayoutView(UUID beneficiaryId, BigDecimal hours, long amountRials) {
    }

    @Schema(name = "OrderPaymentView", description = "Each woman's part of the wages, in proportion to her hours. "
        + "A caseworker sees only the women of her districts; the totals are the whole order's.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentView(UUID orderId, boolean paid, long wagePoolRials, BigDecimal totalHours, int women,
            Instant paidAt, String paidOnJalali, List<PayoutView> payouts) {
    }
}
