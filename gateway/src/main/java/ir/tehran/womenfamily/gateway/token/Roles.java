package ir.tehran.womenfamily.gateway.token;

import java.util.Set;

/**
 * The roles the gateway puts in {@code groups}. People (password login) and clients (client
 * credentials) draw from different sets: roles tied to one person and her own records (admin, caseworker
 * with her districts, producer with her businesses, sponsor with her sponsor id) are never given to a
 * client, whose token carries no such limits.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String CASEWORKER = "caseworker";
    public static final String BAZAAR_COORDINATOR = "bazaar-coordinator";
    public static final String SPONSORSHIP_OFFICER = "sponsorship-officer";
    public static final String PRODUCER = "producer";
    public static final String SPONSOR = "sponsor";
    public static final String PARTNER_APP = "partner-app";
    public static final String AGENCY = "agency";
    /**
     * A woman of the register (or one who is not yet in it) signed in with her mobile number and a one-time code
     * ({@link MobileSignIn}); her {@code beneficiary_id} claim names her record. Never given with a password.
     */
    public static final String WOMAN = "woman";
    /**
     * The gateway itself calling a service (the registry's sign-in lookup): only the gateway's own tokens carry it
     * ({@link TokenIssuer#forGatewayCall}), never a client's or a person's.
     */
    public static final String GATEWAY = "gateway";
    /** A metrics scraper (Prometheus with OAuth2 client credentials): reads {@code /q/metrics} and nothing else. */
    public static final String MONITORING = "monitoring";

    /** Roles of people who sign in with a password. */
    public static final Set<String> USER_ROLES =
        Set.of(ADMIN, CASEWORKER, BAZAAR_COORDINATOR, SPONSORSHIP_OFFICER, PRODUCER, SPONSOR);

    /**
     * Roles of clients: partner apps and agencies, back-office apps of the coordinators and officers, and
     * the metrics scraper.
     */
    public static final Set<String> CLIENT_ROLES =
        Set.of(PARTNER_APP, AGENCY, BAZAAR_COORDINATOR, SPONSORSHIP_OFFICER, MONITORING);

    private Roles() {
    }
}
