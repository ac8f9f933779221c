package ir.tehran.womenfamily.gateway.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which paths disappear when another provider issues the tokens. */
class IssuerSwitchTest {

    @ParameterizedTest
    @ValueSource(strings = {"/oauth2/token", "/oauth2/revoke", "/oauth2/jwks", "/.well-known/openid-configuration",
        "/.well-known/oauth-authorization-server",
        "/admin/clients", "/admin/clients/x/secrets", "/admin/users", "/admin/users/x", "/admin/users/x/password-reset",
        "/admin/users/x/access", "/account/password"})
    void theIssuersEndpointsGo(String path) {
        assertTrue(IssuerSwitch.isIssuerPath(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/registry/beneficiaries", "/openapi", "/q/health", "/admin/clientsx", "/oauth2x",
        "/accounts", "/admin/usersx", "/admin/user", "/audit"})
    void everythingElseStays(String path) {
        assertFalse(IssuerSwitch.isIssuerPath(path));
    }
}
