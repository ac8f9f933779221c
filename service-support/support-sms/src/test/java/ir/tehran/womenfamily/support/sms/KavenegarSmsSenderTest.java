package ir.tehran.womenfamily.support.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kavenegar adapter against a local HTTP server standing in for api.kavenegar.com: what it receives. */
class KavenegarSmsSenderTest {

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int answerStatus = 200;
    private volatile String answerBody = "{\"return\":{\"status\":200,\"message\":\"ok\"},"
        + "\"entries\":[{\"messageid\":8792343,\"status\":1}]}";

    record Received(String method, String path, String contentType, Map<String, String> form) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"), form));
            byte[] out = answerBody.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answerStatus, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private KavenegarSmsSender sender(Optional<String> template) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new KavenegarSmsSender(base, "TEST-KEY-123", Optional.of("10004346"), template, Duration.ofSeconds(5));
    }

    @Test
    void aMessageIsPostedToSmsSendWithTheKeyInThePathAndTheNationalReceptor() {
        SmsSender.Receipt receipt = sender(Optional.empty()).send("+989121234567", "کد ورود: 123456");

        assertEquals(1, received.size());
        Received r = received.get(0);
        assertEquals("POST", r.method());
        assertEquals("/v1/TEST-KEY-123/sms/send.json", r.path());
        assertTrue(r.contentType().startsWith("application/x-www-form-urlencoded"));
        assertEquals(Map.of("receptor", "09121234567", "message", "کد ورود: 123456", "sender", "10004346"),
            r.form());
        assertEquals(new SmsSender.Receipt("kavenegar", "8792343"), receipt);
    }

    @Test
    void aCodeGoesThroughVerifyLookupWhenATemplateIsConfigured() {
        sender(Optional.of("womenfamily-otp")).sendCode("+989121234567", "482913", "کد ورود: 482913");

        Received r = received.get(0);
        assertEquals("/v1/TEST-KEY-123/verify/lookup.json", r.path());
        assertEquals(Map.of("receptor", "09121234567", "token", "482913", "template", "womenfamily-otp"), r.form());
    }

    @Test
    void aCodeWithoutATemplateIsAPlainMessage() {
        sender(Optional.empty()).sendCode("+989121234567", "482913", "code 482913");

        assertEquals("/v1/TEST-KEY-123/sms/send.json", received.get(0).path());
        assertEquals("code 482913", received.get(0).form().get("message"));
    }

    @Test
    void aRefusalIsAnSmsExceptionThatNamesTheStatusButNotTheNumber() {
        answerStatus = 418;
        answerBody = "{\"return\":{\"status\":418,\"message\":\"اعتبار حساب شما کافی نیست\"},\"entries\":null}";

        SmsException e = assertThrows(SmsException.class,
            () -> sender(Optional.empty()).send("+989121234567", "hello"));
        assertTrue(e.getMessage().contains("418"));
        assertFalse(e.getMessage().contains("1234567"));
    }

    @Test
    void anUnreachableProviderIsAnSmsException() {
        URI closed = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        server.stop(0);
        KavenegarSmsSender sender = new KavenegarSmsSender(closed, "K", Optional.empty(), Optional.empty(),
            Duration.ofSeconds(2));
        assertThrows(SmsException.class, () -> sender.send("+989121234567", "hello"));
    }

    @Test
    void noKeyNoAdapter() {
        assertThrows(IllegalArgumentException.class, () -> new KavenegarSmsSender(URI.create("http://127.0.0.1:1"),
            " ", Optional.empty(), Optional.empty(), Duration.ofSeconds(1)));
    }
}
