package ir.tehran.womenfamily.gateway.limit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.gateway.token.DemoAccounts;
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

    /**
     * A client that streams the form without a Content-Length (java.net.http with a body of unknown length, as
     * the Java clients openapi-generator makes do) gets its token.
     */
    @Test
    void aTokenRequestStreamedWithoutALengthGetsItsToken() throws Exception {
        String form = "grant_type=client_credentials&client_id=" + DemoAccounts.CLIENT_ID
            + "&client_secret=demo-test-client-secret";
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            // a publisher of unknown length: the client sends Transfer-Encoding: chunked
            .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(form)))
            .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertThat(response.body(), containsString("\"access_token\""));
    }

    /** The limit still holds for a streamed body: its bytes are counted as they come. */
    @Test
    void aStreamedTokenRequestAboveTheTokenLimitIs413() throws IOException {
        String chunk = "a".repeat(5000);
        String answer = exchange("POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
            + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
        assertThat(answer, startsWith("HTTP/1.1 413"));
        assertThat(answer, containsString("application/problem+json"));
        assertThat(answer, containsString("The request body may have at most 8192 bytes."));
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
