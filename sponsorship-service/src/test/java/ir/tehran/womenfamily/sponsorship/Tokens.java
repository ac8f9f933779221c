package ir.tehran.womenfamily.sponsorship;

import java.util.UUID;

import ir.tehran.womenfamily.localstack.TestTokens;

/** Tokens of the people and applications that call this service. */
public final class Tokens {

    private Tokens() {
    }

    public static String officer() {
        return TestTokens.forRoles("officer-1", "sponsorship-officer");
    }

    /** An officer limited to her districts by the token's {@code districts} claim. */
    public static String officerOf(int... districts) {
        return TestTokens.token().subject("officer-of-" + java.util.Arrays.toString(districts))
            .groups("sponsorship-officer")
            .claim("districts", java.util.Arrays.stream(districts).boxed().toList()).sign();
    }

    public static String admin() {
        return TestTokens.forRoles("admin-1", "admin");
    }

    public static String caseworker() {
        return TestTokens.forRoles("caseworker-1", "caseworker");
    }

    public static String sponsor(UUID benefactorId) {
        return TestTokens.token().subject("sponsor-" + benefactorId).groups("sponsor")
            .claim("sponsor_id", benefactorId.toString()).sign();
    }

    public static String partnerApp(String scope) {
        TestTokens t = TestTokens.token().subject("partner").groups("partner-app").clientId("partner");
        if (scope != null) {
            t.claim("scope", scope);
        }
        return t.sign();
    }
}
