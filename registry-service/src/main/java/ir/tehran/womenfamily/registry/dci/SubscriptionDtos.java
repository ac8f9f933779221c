package ir.tehran.womenfamily.registry.dci;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The DCI subscription messages in the standard's snake_case names: the subscribe and unsubscribe requests, the
 * ACK answering them, and what goes back to the agency ({@code on-subscribe}, {@code on-unsubscribe},
 * {@code notify}). The requests' {@code message} is read from its JSON ({@link DciSubscriptions}), as the search's.
 */
public final class SubscriptionDtos {

    private SubscriptionDtos() {
    }

    /** A subscribe request: the signature, the header and the {@code SubscribeRequest} message. */
    @Schema(name = "DciSubscribeEnvelope")
    public record SubscribeEnvelope(
        String signature,
        @NotNull @Valid DciDtos.MsgHeader header,
        @NotNull @Schema(description = "A DCI SubscribeRequest: transaction_id and subscribe_request items")
        Map<String, Object> message) {
    }

    /** An unsubscribe request: the signature, the header and the {@code UnSubscribeRequest} message. */
    @Schema(name = "DciUnsubscribeEnvelope")
    public record UnsubscribeEnvelope(
        String signature,
        @NotNull @Valid DciDtos.MsgHeader header,
        @NotNull @Schema(description = "A DCI UnSubscribeRequest: transaction_id, timestamp, subscription_codes")
        Map<String, Object> message) {
    }

    /** The {@code SubscribeResponse} sent to {@code on-subscribe}. */
    @Schema(name = "DciSubscribeResponse")
    public record SubscribeResponse(
        @JsonProperty("transaction_id") String transactionId,
        @JsonProperty("correlation_id") String correlationId,
        @JsonProperty("subscribe_response") List<SubscribeResult> subscribeResponse) {
    }

    /** The answer to one {@code subscribe_request} item. */
    @Schema(name = "DciSubscribeResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscribeResult(
        @JsonProperty("reference_id") String referenceId,
        String timestamp,
        String status,
        @JsonProperty("status_reason_code") String statusReasonCode,
        @JsonProperty("status_reason_message") String statusReasonMessage,
        List<SubscriptionInfo> subscriptions,
        String locale) {
    }

    /** A subscription as the standard's {@code SubscriptionInfo}. */
    @Schema(name = "DciSubscriptionInfo")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscriptionInfo(
        String version,
        String code,
        @Schema(enumeration = {"subscribe", "unsubscribe"}) String status,
        String timestamp,
        @JsonProperty("reg_type") String regType,
        @JsonProperty("reg_event_type") String regEventType,
        @JsonProperty("filter_type") String filterType,
        Object filter,
        @JsonProperty("notify_record_type") String notifyRecordType) {
    }

    /** The {@code UnSubscribeResponse} sent to {@code on-unsubscribe}. */
    @Schema(name = "DciUnsubscribeResponse")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnsubscribeResponse(
        @JsonProperty("transaction_id") String transactionId,
        @JsonProperty("correlation_id") String correlationId,
        String timestamp,
        String status,
        @JsonProperty("status_reason_code") String statusReasonCode,
        @JsonProperty("status_reason_message") String statusReasonMessage,
        @JsonProperty("subscription_status") List<CodeStatus> subscriptionStatus) {
    }

    /** A subscription code and its status after the request. */
    @Schema(name = "DciSubscriptionCodeStatus")
    public record CodeStatus(String code, @Schema(enumeration = {"subscribe", "unsubscribe"}) String status) {
    }

    /** The {@code NotifyEventRequest} sent to a subscriber's {@code notify}. */
    @Schema(name = "DciNotifyEventRequest")
    public record NotifyRequest(
        @JsonProperty("transaction_id") String transactionId,
        @JsonProperty("notify_event") List<NotifyEvent> notifyEvent) {
    }

    /** One event: a woman, in the record shape of the sync search. */
    @Schema(name = "DciNotifyEvent")
    public record NotifyEvent(
        @JsonProperty("reference_id") String referenceId,
        String timestamp,
        NotifyData data,
        String locale) {
    }

    /** What is notified: the event type and the woman's record. */
    @Schema(name = "DciNotifyData")
    public record NotifyData(
        String version,
        @JsonProperty("reg_type") String regType,
        @JsonProperty("reg_event_type") String regEventType,
        @JsonProperty("reg_record_type") String regRecordType,
        @JsonProperty("reg_records") DciDtos.Person regRecords) {
    }
}
