package ir.tehran.womenfamily.registry.dci;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The DCI Social Registry API v1.0.0 envelope ({@code {signature, header, message}}) in its own snake_case
 * field names. The request's {@code message} is read by {@link DciSearch} from its JSON, because its queries
 * are open-ended objects (an expression is any NoSQL-style document).
 */
public final class DciDtos {

    private DciDtos() {
    }

    /** The request header ({@code MsgHeader_V1.0.0}). */
    @Schema(name = "DciMsgHeader")
    public record MsgHeader(
        String version,
        @JsonProperty("message_id") @NotBlank @Size(max = 99) String messageId,
        @JsonProperty("message_ts") @NotBlank String messageTs,
        @NotBlank String action,
        @JsonProperty("sender_id") @NotBlank @Size(max = 200) String senderId,
        @JsonProperty("sender_uri") String senderUri,
        @JsonProperty("receiver_id") String receiverId,
        @JsonProperty("total_count") @NotNull Integer totalCount,
        @JsonProperty("is_msg_encrypted") Boolean isMsgEncrypted,
        Map<String, Object> meta) {
    }

    /** A search request: the signature, the header and the {@code SearchRequest} message. */
    @Schema(name = "DciSearchEnvelope")
    public record SearchEnvelope(
        String signature,
        @NotNull @Valid MsgHeader header,
        @NotNull @Schema(description = "A DCI SearchRequest") Map<String, Object> message) {
    }

    /** The callback/response header ({@code MsgCallbackHeader_V1.0.0}). */
    @Schema(name = "DciMsgCallbackHeader")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallbackHeader(
        String version,
        @JsonProperty("message_id") String messageId,
        @JsonProperty("message_ts") String messageTs,
        String action,
        @Schema(name = "DciRequestStatus", enumeration = {"rcvd", "pdng", "succ", "rjct"}) String status,
        @JsonProperty("status_reason_code") String statusReasonCode,
        @JsonProperty("status_reason_message") String statusReasonMessage,
        @JsonProperty("total_count") Integer totalCount,
        @JsonProperty("completed_count") Integer completedCount,
        @JsonProperty("sender_id") String senderId,
        @JsonProperty("receiver_id") String receiverId,
        @JsonProperty("is_msg_encrypted") Boolean isMsgEncrypted) {
    }

    /** The sync search answer: the header of an {@code on-search} and the {@code SearchResponse}. */
    @Schema(name = "DciSearchResponseEnvelope")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SearchResponseEnvelope(String signature, CallbackHeader header, SearchResponse message) {
    }

    /** The {@code SearchResponse} message. */
    @Schema(name = "DciSearchResponse")
    public record SearchResponse(
        @JsonProperty("transaction_id") String transactionId,
        @JsonProperty("correlation_id") String correlationId,
        @JsonProperty("search_response") List<SearchResult> searchResponse) {
    }

    /** The answer to one item of the request's {@code search_request}. */
    @Schema(name = "DciSearchResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SearchResult(
        @JsonProperty("reference_id") String referenceId,
        String timestamp,
        String status,
        @JsonProperty("status_reason_code") String statusReasonCode,
        @JsonProperty("status_reason_message") String statusReasonMessage,
        SearchData data,
        Pagination pagination,
        String locale) {
    }

    /** The records found. */
    @Schema(name = "DciSearchData")
    public record SearchData(
        String version,
        @JsonProperty("reg_type") String regType,
        @JsonProperty("reg_record_type") String regRecordType,
        @JsonProperty("reg_records") List<Person> regRecords) {
    }

    /** A page of the records found. */
    @Schema(name = "DciPagination")
    public record Pagination(
        @JsonProperty("page_size") int pageSize,
        @JsonProperty("page_number") int pageNumber,
        @JsonProperty("total_count") int totalCount) {
    }

    /**
     * A woman as the spec's Person, with only what an agency's {@code SHARE_WITH_AGENCY} purpose needs: her
     * national code, her name and her birth date (nothing of her cohorts, channel, status or address).
     */
    @Schema(name = "DciPerson")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(Identifier identifier, Name name, @JsonProperty("birth_date") String birthDate) {
    }

    /** An identifier: {@code NATIONAL_CODE} and the code. */
    @Schema(name = "DciIdentifier")
    public record Identifier(
        @JsonProperty("identifier_type") String identifierType,
        @JsonProperty("identifier_value") String identifierValue) {
    }

    /** A name. */
    @Schema(name = "DciName")
    public record Name(@JsonProperty("given_name") String givenName, String surname) {
    }

    /** A txn status request: the signature, the header and the {@code TxnStatusRequest} message. */
    @Schema(name = "DciTxnStatusEnvelope")
    public record TxnStatusEnvelope(
        String signature,
        @NotNull @Valid MsgHeader header,
        @NotNull @Schema(description = "A DCI TxnStatusRequest") Map<String, Object> message) {
    }

    /** The acknowledgement of an async request; the answer follows as a callback to {@code sender_uri}. */
    @Schema(name = "DciAck")
    public record Ack(AckMessage message) {
    }

    /** The acknowledgement's message. */
    @Schema(name = "DciAckMessage")
    public record AckMessage(
        @JsonProperty("ack_status") @Schema(enumeration = {"ACK", "NACK", "ERR"}) String ackStatus,
        String timestamp,
        @JsonProperty("correlation_id") String correlationId) {
    }

    /** A txn status answer: a {@code txn-on-status} header and the {@code TxnStatusResponse}. */
    @Schema(name = "DciTxnStatusResponseEnvelope")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TxnStatusResponseEnvelope(String signature, CallbackHeader header, TxnStatusResponse message) {
    }

    /** The {@code TxnStatusResponse} message. */
    @Schema(name = "DciTxnStatusResponse")
    public record TxnStatusResponse(
        @JsonProperty("transaction_id") String transactionId,
        @JsonProperty("correlation_id") String correlationId,
        @JsonProperty("txnstatus_response") TxnStatus txnstatusResponse) {
    }

    /** The status of the transaction asked about. */
    @Schema(name = "DciTxnStatus")
    public record TxnStatus(@JsonProperty("txn_type") String txnType,
            @JsonProperty("txn_status") SearchResponse txnStatus) {
    }
}
