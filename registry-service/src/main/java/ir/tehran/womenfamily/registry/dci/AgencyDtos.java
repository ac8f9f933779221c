package ir.tehran.womenfamily.registry.dci;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The agency directory and the callback outbox as the admin API shows them. */
public final class AgencyDtos {

    private AgencyDtos() {
    }

    /** An Ed25519 public key of an agency, valid from {@code validFrom} until {@code validUntil} (open if null). */
    @Schema(name = "DciAgencyKey")
    public record AgencyKey(
        @NotBlank @Size(max = 100) @Schema(description = "The key's id, the middle part of the signature's kidId")
        String keyId,
        @NotBlank @Size(max = 200)
        @Schema(description = "Base64 of the raw 32-byte Ed25519 public key or of its X.509 SubjectPublicKeyInfo")
        String publicKey,
        Instant validFrom,
        Instant validUntil) {
    }

    /** An agency as an admin records it. */
    @Schema(name = "DciAgencyChange")
    public record AgencyChange(
        @NotBlank @Size(max = 200)
        @Schema(description = "RELIEF_COMMITTEE, WELFARE_ORGANISATION ... or, for another agency, its name as a "
            + "woman's SHARE_WITH_AGENCY consent names it")
        String agency,
        @Size(max = 200) String name,
        @NotNull @Size(max = 10)
        @Schema(description = "Base URLs its callbacks go to; their scheme, host and port are its allow-list")
        List<@NotBlank @Size(max = 500) String> callbackBaseUrls,
        @NotNull @Size(max = 10) List<@Valid @NotNull AgencyKey> keys) {
    }

    /** An agency of the directory. */
    @Schema(name = "DciAgency")
    public record AgencyView(String clientId, String agency, String name, List<String> callbackBaseUrls,
            List<AgencyKey> keys, long version, Instant updatedAt, String updatedBy) {
    }

    /** A callback of the outbox (its body is not shown: it may carry a woman's record). */
    @Schema(name = "DciCallback")
    public record CallbackView(UUID id, String clientId, String url, String action, String transactionId,
            DciCallback.Status status, int attempts, Instant nextAttemptAt, String lastError, Integer lastHttpStatus,
            Instant createdAt, Instant sentAt) {

        static CallbackView of(DciCallback c) {
            return new CallbackView(c.id, c.clientId, c.url, c.action, c.transactionId, c.status, c.attempts,
                c.nextAttemptAt, c.lastError, c.lastHttpStatus, c.createdAt, c.sentAt);
        }
    }

    /** The registry's own public key, which agencies verify its callbacks with. */
    @Schema(name = "DciSigningKey")
    public record SigningKeyView(String kidId, String keyId, String algorithm,
            @Schema(description = "Base64 of the X.509 SubjectPublicKeyInfo") String publicKey) {
    }
}
