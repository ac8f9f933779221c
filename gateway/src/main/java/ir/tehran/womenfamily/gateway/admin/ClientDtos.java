package ir.tehran.womenfamily.gateway.admin;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.tehran.womenfamily.gateway.token.ApiClient;
import ir.tehran.womenfamily.gateway.token.ClientSecret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The admin API's shapes for clients. Secrets appear once, when issued; hashes never. */
public final class ClientDtos {

    private ClientDtos() {
    }

    /** A new client: what an admin may set, and nothing else (its state and secrets are the gateway's). */
    @Schema(name = "NewClient")
    public record NewClient(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,62}") String clientId,
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 5)
        @Schema(description = "Client roles: partner-app, agency, bazaar-coordinator, sponsorship-officer, monitoring")
        List<@NotNull String> roles,
        @NotNull @Size(max = 30)
        List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*") @Size(max = 64) String> scopes,
        @Schema(description = "True for an app without a secret (mobile, browser): it may use the authorization "
            + "code grant with PKCE only, and gets no secret. Default false")
        Boolean publicClient,
        @Valid @Schema(description = "How it signs people in; default: not trusted, no redirect URI")
        SignIn signIn) {
    }

    /** How a client signs people in: set at registration, changed by an admin. */
    @Schema(name = "ClientSignIn")
    public record SignIn(
        @NotNull @Schema(required = true, description = "The password grant is open to it (first-party tools only; "
            + "never a public client)")
        Boolean trusted,
        @NotNull @Size(max = 10)
        @Schema(required = true, description = "Where the authorization endpoint may send a code, compared exactly: "
            + "https, a private-use scheme with a dot (ir.tehran.women://callback) or http on the loopback "
            + "address (RFC 8252)")
        List<@NotNull @Size(max = 512) String> redirectUris) {
    }

    @Schema(name = "Client")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClientView(String clientId, String name, List<String> roles, List<String> scopes, boolean active,
            Instant createdAt, Instant revokedAt, List<SecretView> secrets, boolean publicClient, SignIn signIn) {

        static ClientView of(ApiClient c, List<ClientSecret> secrets) {
            return new ClientView(c.clientId, c.name, Arrays.asList(c.roles), Arrays.asList(c.scopes),
                c.active && c.revokedAt == null, c.createdAt, c.revokedAt,
                secrets.stream().map(SecretView::of).toList(), c.publicClient,
                new SignIn(c.trusted, Arrays.asList(c.redirectUris)));
        }
    }

    /** A secret's record, without the secret. */
    @Schema(name = "ClientSecretInfo")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SecretView(UUID secretId, Instant createdAt, Instant revokedAt) {

        static SecretView of(ClientSecret s) {
            return new SecretView(s.id, s.createdAt, s.revokedAt);
        }
    }

    /** A secret just issued: the only time it is shown. */
    @Schema(name = "IssuedClientSecret")
    public record IssuedSecret(UUID secretId, String clientSecret, Instant createdAt) {
    }

    @Schema(name = "CreatedClient")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreatedClient(ClientView client,
            @Schema(description = "Absent for a public client") IssuedSecret secret) {
    }
}
