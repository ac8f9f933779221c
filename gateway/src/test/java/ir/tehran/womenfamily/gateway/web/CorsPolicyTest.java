package ir.tehran.womenfamily.gateway.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://women-family.tehran.ir", "http://localhost:5173", "https://app.example:8443"})
    void plainOriginsAreAccepted(String origin) {
        assertDoesNotThrow(() -> CorsPolicy.requirePlainOrigin(origin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "/.*/", "/https://.*\\.tehran\\.ir/", "https://*.tehran.ir", "https://a.ir/app",
        "null", "ftp://files.example", "https://a.ir?x=1", ""})
    void wildcardsPatternsAndNonOriginsAreRefused(String origin) {
        assertThrows(IllegalStateException.class, () -> CorsPolicy.requirePlainOrigin(origin));
    }
}
