package ir.tehran.womenfamily.registry.security;

import java.net.URL;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.SecurityMatrix;
import org.junit.jupiter.api.Test;

/**
 * Every operation of this service's OpenAPI document × every role, against {@code docs/security-matrix.md}
 * (see {@link SecurityMatrix}). It runs here, against the service's own {@code /q/openapi} with tokens
 * from {@code TestTokens}, rather than through the gateway end to end: the service is the one that
 * decides (the gateway only passes calls on), and this costs one Quarkus start the module has anyway.
 */
@QuarkusTest
class SecurityMatrixTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() throws Exception {
        new SecurityMatrix("registry", root.toURI(), SecurityMatrix.defaultFile()).verify();
    }
}
