package ir.tehran.womenfamily.notification.security;

import java.net.URL;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.SecurityMatrix;
import org.junit.jupiter.api.Test;

/**
 * Every operation of this service's OpenAPI document × every role, against {@code docs/security-matrix.md}
 * (see {@link SecurityMatrix}), on the module's one Quarkus start.
 */
@QuarkusTest
class SecurityMatrixTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() throws Exception {
        new SecurityMatrix("notification", root.toURI(), SecurityMatrix.defaultFile()).verify();
    }
}
