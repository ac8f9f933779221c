package ir.tehran.womenfamily.gateway.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.gateway.token.Identities;
import ir.tehran.womenfamily.gateway.token.LoginThrottle;
import ir.tehran.womenfamily.gateway.token.Passwords;
import ir.tehran.womenfamily.gateway.token.RefreshTokens;
import ir.tehran.womenfamily.gateway.token.Roles;
import ir.tehran.womenfamily.gateway.token.StaffUser;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * People who sign in with a password, for admins: create (with a password the gateway makes and shows
 * once), change roles and the claims that limit them, disable and enable, reset the password. A password
 * made here is known to the admin who handed it over, so the person must change it at her next login
 * ({@link StaffUser#mustChangePassword}): until she does, a login gives only the token that serves
 * {@code POST /account/password}, with no role and no refresh token. Disabling and resetting end every
 * login of the person (her refresh tokens are revoked); her access tokens live out their at most 15
 * minutes. A change of roles applies at her next refresh. Every change is recorded in the gateway's audit
 * log. A woman's account (role {@link Roles#WOMAN}, made at her first sign-in with a one-time code) is not staff and
 * not managed here: it is in no list and every operation on it answers 404, as for a name that does not exist.
 */
@ApplicationScoped
public class UserAdminService {

    private static final int MAX_DISTRICT = 22;

    @Inject
    Clock clock;

    @Inject
    Identities identities;

    @Inject
    Passwords passwords;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    Audit audit;

    @Inject
    LoginThrottle throttle;

    private UserDtos.UserView view(StaffUser u, Instant now) {
        return UserDtos.UserView.of(u, throttle.throttledUntil(u.username, now).orElse(null));
    }

    public List<UserDtos.UserView> list() {
        Instant now = Instant.now(clock);
        return StaffUser.<StaffUser>listAll().stream()
            .filter(UserAdminService::managed)
            .sorted((a, b) -> a.username.compareTo(b.username))
            .map(u -> view(u, now))
            .toList();
    }

    public Optional<UserDtos.UserView> find(String username) {
        return StaffUser.<StaffUser>findByIdOptional(username).filter(UserAdminService::managed)
            .map(u -> view(u, Instant.now(clock)));
    }

    @Transactional
    public UserDtos.CreatedUser create(UserDtos.NewUser request) {
        Checked access = check("access.", request.access());
        if (StaffUser.findById(request.username()) != null) {
            throw ProblemException.conflict("user-exists", request.username());
        }
        String password = ClientAdminService.newSecret();
        identities.createUserIfAbsent(new Identities.NewUser(request.username(), password, access.roles(),
            access.districts(), access.businesses(), access.sponsorId()));
        StaffUser user = StaffUser.findById(request.username());
        user.mustChangePassword = true;
        audit.record(AuditEvent.of("user.create", "user", request.username()).withPurpose("administration")
            .withDetail("roles", String.join(",", access.roles())).withDetail("mustChangePassword", true));
        return new UserDtos.CreatedUser(view(user, Instant.now(clock)),
            new UserDtos.IssuedPassword(user.username, password));
    }

    /** Replaces her roles and limiting claims together (a producer's businesses go with the role). */
    @Transactional
    public UserDtos.UserView changeAccess(String username, UserDtos.Access request) {
        Checked access = check("", request);
        StaffUser user = locked(username);
        user.roles = access.roles().toArray(String[]::new);
        user.districts = access.districts() == null ? null : access.districts().toArray(Integer[]::new);
        user.businesses = access.businesses() == null ? null : access.businesses().toArray(String[]::new);
        user.sponsorId = access.sponsorId();
        audit.record(AuditEvent.of("user.access.change", "user", username).withPurpose("administration")
            .withDetail("roles", String.join(",", access.roles()))
            .withDetail("districts", access.districts() == null ? null : access.districts().toString())
            .withDetail("businesses", access.businesses() == null ? null : access.businesses().size())
            .withDetail("sponsorId", access.sponsorId()));
        return view(user, Instant.now(clock));
    }

    /** Disables the account and ends her logins; disabling it again changes nothing but is recorded. */
    @Transactional
    public UserDtos.UserView disable(String username) {
        StaffUser user = locked(username);
        user.active = false;
        int tokens = refreshTokens.revokeForUser(username);
        audit.record(AuditEvent.of("user.disable", "user", username).withPurpose("administration")
            .withDetail("refreshTokensRevoked", tokens));
        return view(user, Instant.now(clock));
    }

    @Transactional
    public UserDtos.UserView enable(String username) {
        StaffUser user = locked(username);
        user.active = true;
        audit.record(AuditEvent.of("user.enable", "user", username).withPurpose("administration"));
        return view(user, Instant.now(clock));
    }

    /**
     * A new password made by the gateway, shown once, which she must change at her next login; the lock-out
     * is lifted and her logins end.
     */
    @Transactional
    public UserDtos.IssuedPassword resetPassword(String username) {
        StaffUser user = locked(username);
        String password = ClientAdminService.newSecret();
        user.passwordHash = passwords.hash(password);
        throttle.clear(username);
        user.mustChangePassword = true;
        int tokens = refreshTokens.revokeForUser(username);
        audit.record(AuditEvent.of("user.password.reset", "user", username).withPurpose("administration")
            .withDetail("refreshTokensRevoked", tokens).withDetail("mustChangePassword", true));
        return new UserDtos.IssuedPassword(username, password);
    }

    /** A person managed here: anyone but a woman signed in with a one-time code. */
    private static boolean managed(StaffUser user) {
        return !Arrays.asList(user.roles).contains(Roles.WOMAN);
    }

    private static StaffUser locked(String username) {
        StaffUser user = StaffUser.findById(username, LockModeType.PESSIMISTIC_WRITE);
        if (user == null || !managed(user)) {
            throw ProblemException.notFound("user", username);
        }
        return user;
    }

    /** Roles and claims that fit together, or a 400 naming every field that does not. */
    static Checked check(String prefix, UserDtos.Access a) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        List<String> roles = List.copyOf(new LinkedHashSet<>(a.roles()));
        for (int i = 0; i < a.roles().size(); i++) {
            if (!Roles.USER_ROLES.contains(a.roles().get(i))) {
                errors.add(new ProblemException.FieldError(prefix + "roles[" + i + "]", "validation.user-role"));
            }
        }
        List<Integer> districts = a.districts() == null ? null : List.copyOf(new LinkedHashSet<>(a.districts()));
        // districts limit the roles that work in districts: a caseworker (the women of her districts) and a
        // sponsorship officer (the children, mothers and programmes of hers); for other roles they would mean nothing
        boolean districted = roles.contains(Roles.CASEWORKER) || roles.contains(Roles.SPONSORSHIP_OFFICER);
        if (districts != null && (!districted
                || districts.stream().anyMatch(d -> d < 1 || d > MAX_DISTRICT))) {
            errors.add(new ProblemException.FieldError(prefix + "districts", "validation.user-districts"));
        }
        List<String> businesses = a.businesses() == null ? null : List.copyOf(new LinkedHashSet<>(a.businesses()));
        boolean producer = roles.contains(Roles.PRODUCER);
        if (producer && businesses == null || !producer && businesses != null
                || businesses != null && !businesses.stream().allMatch(UserAdminService::isUuid)) {
            errors.add(new ProblemException.FieldError(prefix + "businesses", "validation.user-businesses"));
        }
        String sponsorId = a.sponsorId() == null || a.sponsorId().isBlank() ? null : a.sponsorId().strip();
        if (roles.contains(Roles.SPONSOR) != (sponsorId != null) || sponsorId != null && !isUuid(sponsorId)) {
            errors.add(new ProblemException.FieldError(prefix + "sponsorId", "validation.user-sponsor-id"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", errors);
        }
        return new Checked(roles, districts, businesses, sponsorId);
    }

    private static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    record Checked(List<String> roles, List<Integer> districts, List<String> businesses, String sponsorId) {
    }
}
