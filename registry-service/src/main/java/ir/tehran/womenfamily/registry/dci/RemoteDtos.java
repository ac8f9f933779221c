package ir.tehran.womenfamily.registry.dci;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import ir.tehran.womenfamily.registry.agencysupport.AgencySupport;
import ir.tehran.womenfamily.registry.consent.ConsentDtos.AgencyRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The registry as a DCI client of an agency's registry: its configuration, searches and subscriptions. */
public final class RemoteDtos {

    private RemoteDtos() {
    }

    /** An agency's registry as an admin records it. */
    @Schema(name = "DciRemoteRegistryChange")
    public record RegistryChange(
        @Schema(description = "The agency registry's DCI base URL ({baseUrl}/registry/sync/search); its origin must "
            + "be on the agency's callback allow-list", examples = "https://dci.emdad.example/api")
        @NotBlank @Size(max = 500) String baseUrl,
        @Schema(description = "Where the agency's callbacks to the registry go (the sender_uri of its requests; "
            + "the agency appends /registry/notify); needed to subscribe",
            examples = "https://api.women-family.tehran.ir/api/registry/dci/subscriber")
        @Size(max = 500) String senderUri,
        @Schema(description = "The bearer token the agency's gateway issued the registry; written, never shown. "
            + "Absent keeps the one recorded.")
        @Size(max = 8000) String accessToken) {
    }

    /** An agency's registry as recorded (its token is never shown). */
    @Schema(name = "DciRemoteRegistry")
    public record RegistryView(String clientId, String baseUrl, String senderUri, boolean hasAccessToken,
            long version, Instant updatedAt, String updatedBy) {

        static RegistryView of(RemoteRegistry r) {
            return new RegistryView(r.clientId, r.baseUrl, r.senderUri, r.accessToken != null, r.version,
                r.updatedAt, r.updatedBy);
        }
    }

    /** Which woman to ask the agency's registry about. */
    @Schema(name = "DciRemoteSearchRequest")
    public record SearchRequest(@NotNull UUID beneficiaryId) {
    }

    /** Support an agency reports in its Person record (this registry's {@code support} extension of it). */
    @Schema(name = "DciReportedSupport")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportedSupport(AgencySupport.Kind kind, Long amountRials, String inKindDescription, String from,
            String to) {
    }

    /** The agency registry's answer about her: returned, never stored. */
    @Schema(name = "DciRemoteSearchAnswer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SearchAnswer(
        String clientId,
        AgencyRef agency,
        String transactionId,
        @Schema(description = "The agency's status of the search: succ, or rjct with a reason code") String status,
        String statusReasonCode,
        @Schema(description = "Whether the agency's registry knows her (under its own rules)") boolean enrolled,
        @Schema(description = "Her records as the agency's registry gave them (DCI Person)")
        List<Map<String, Object>> records,
        @Schema(description = "The support the agency reports for her, when its records say so")
        List<ReportedSupport> support) {
    }

    /** A subscription to ask the agency's registry for. */
    @Schema(name = "DciRemoteSubscriptionRequest")
    public record SubscriptionRequest(
        @NotNull UUID beneficiaryId,
        @Schema(enumeration = {"REGISTER", "NewHouseHoldMember", "UPDATE"}, examples = "REGISTER")
        @NotNull @Pattern(regexp = "REGISTER|NewHouseHoldMember|UPDATE") String eventType) {
    }

    /** A subscription of the registry to an agency's registry. */
    @Schema(name = "DciRemoteSubscription")
    public record SubscriptionView(UUID id, String clientId, UUID beneficiaryId, String eventType,
            String transactionId, String code, RemoteSubscription.State state, Instant createdAt, String createdBy,
            Instant updatedAt, long version) {

        static SubscriptionView of(RemoteSubscription s) {
            return new SubscriptionView(s.id, s.clientId, s.beneficiaryId, s.eventType, s.transactionId, s.code,
                s.state, s.createdAt, s.createdBy, s.updatedAt, s.version);
        }
    }

    /**
     * The header of an agency's callback: a request header ({@code MsgHeader}) for a notify, a callback header
     * ({@code MsgCallbackHeader}) for an on-subscribe; what the registry reads of either, the rest ignored.
     */
    @Schema(name = "DciCallbackEnvelopeHeader")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallbackHeader(
        String version,
        @JsonProperty("message_id") @NotBlank @Size(max = 99) String messageId,
        @JsonProperty("message_ts") @NotBlank String messageTs,
        @NotBlank String action,
        @Schema(description = "The agency's client id in the directory; its keys verify the signature")
        @JsonProperty("sender_id") @NotBlank @Size(max = 200) String senderId,
        @JsonProperty("receiver_id") String receiverId,
        @Schema(enumeration = {"rcvd", "pdng", "succ", "rjct"}) String status) {
    }

    /** A callback an agency sends the registry as its client or subscriber (notify, on-subscribe ...). */
    @Schema(name = "DciCallbackEnvelope")
    public record CallbackEnvelope(
        @Schema(description = "Required: the agency's Ed25519 signature") String signature,
        @NotNull @Valid CallbackHeader header,
        @NotNull @Schema(description = "A DCI NotifyEventRequest, SubscribeResponse or UnSubscribeResponse")
        Map<String, Object> message) {
    }
}
