package ir.tehran.womenfamily.gateway.admin;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.tehran.womenfamily.gateway.token.StaffUser;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The admin API's shapes for people (staff, producers, sponsors). A password appears once, when the
 * gateway makes it; hashes, failed attempts and lock times never leave the gateway, and an admin never
 * chooses a person's password.
 */
public final class UserDtos {

    private UserDtos() {
    }

    /** What a person may do and on whose records: her roles and the claims that limit them. */
    @Schema(name = "UserAccess", description = "Roles and the claims that limit them. districts: a caseworker's "
        + "districts (absent: every district); businesses: a producer's registry business ids ([] when none yet), "
        + "or her campaign mentee id while she applies to bazaars from the campaign without a business; "
        + "sponsorId: a sponsor's id in the sponsorship service.")
    public record Access(
        @NotEmpty @Size(max = 6)
        @Schema(description = "admin, caseworker, bazaar-coordinator, sponsorship-officer, producer, sponsor")
        List<@NotNull String> roles,
        @Size(max = 22) List<@NotNull Integer> districts,
        @Size(max = 50) List<@NotNull String> businesses,
        @Size(max = 64) String sponsorId) {
    }

    @Schema(name = "NewUser")
    public record NewUser(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,62}") String username,
        @NotNull Access access) {
    }

    @Schema(name = "User")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserView(String username, List<String> roles, List<Integer> districts, List<String> businesses,
            String sponsorId, boolean active,
            @Schema(description = "Set while repeated wrong passwords from some address keep that address waiting: "
                + "the latest end of such a wait (other addresses are not affected)") Instant lockedUntil,
            @Schema(description = "True while her password is one an admin handed over (or the first admin's "
                + "from the environment): her login then serves only POST /account/password")
            boolean mustChangePassword,
            Instant createdAt) {

        static UserView of(StaffUser u, Instant throttledUntil) {
            return new UserView(u.username, Arrays.asList(u.roles),
                u.districts == null ? null : Arrays.asList(u.districts),
                u.businesses == null ? null : Arrays.asList(u.businesses), u.sponsorId, u.active,
                throttledUntil, u.mustChangePassword, u.createdAt);
        }
    }

    /** A password the gateway just made: the only time it is shown; the admin hands it over in person. */
    @Schema(name = "IssuedPassword")
    public record IssuedPassword(String username, String password) {
    }

    @Schema(name = "CreatedUser")
    public record CreatedUser(UserView user, IssuedPassword password) {
    }
}
