package ir.tehran.womenfamily.gateway.limit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Declared body sizes are refused before the body is read. The requests are written by hand on a socket
 * so that only the headers are sent: the answer comes without the client having to push megabytes.
 */
@QuarkusTest
class BodySizeTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aTokenRequestAboveTheTokenLimitIs413() throws IOException {
        String answer = exchange("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 9000\r\n\r\n");
        assertThat(answer, startsWith("HTTP/1.1 413"));
        assertThat(answer, containsString("application/problem+json"));
        assertThat(answer, containsString("/problems/payload-too-large"));
        assertThat(answer, containsString("The request body may have at most 8192 bytes."));
    }

    @Test
    void aTokenRequestWithoutALengthIs411() throws IOException {
        String answer = exchange("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n");
        assertThat(answer, startsWith("HTTP/1.1 411"));
        assertThat(answer, containsString("/problems/length-required"));
    }

    @Test
    void anApiRequestAboveTheBodyLimitIs413() throws IOException {
        String answer = exchange("PUT /api/registry/documents/1 HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/octet-stream\r\nContent-Length: 5000000\r\n\r\n");
        assertThat(answer, startsWith("HTTP/1.1 413"));
        assertThat(answer, containsString("/problems/payload-too-large"));
        assertThat(answer, containsString("X-Content-Type-Options: nosniff"));
    }

    @Test
    void aRequestLineOf130KilobytesGetsA414Problem() throws IOException {
        String query = "actor=" + "%D9%82".repeat(20_000);
        String answer = exchange("GET /audit?" + query + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n\r\n");
        assertThat(answer, startsWith("HTTP/1.1 414"));
        assertThat(answer, containsString("application/problem+json"));
        assertThat(answer, containsString("/problems/uri-too-long"));
    }

    /** Sends the request head and reads the answer until the gateway closes the connection. */
    private String exchange(String head) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
