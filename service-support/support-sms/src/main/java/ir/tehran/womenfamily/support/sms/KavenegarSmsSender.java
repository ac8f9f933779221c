package ir.tehran.womenfamily.support.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

/**
 * Kavenegar's REST API (https://kavenegar.com/rest.html): {@code POST {base}/v1/{API-KEY}/sms/send.json}
 * ({@code receptor}, {@code message}, {@code sender}) for a message, and, when a code template is configured,
 * {@code POST {base}/v1/{API-KEY}/verify/lookup.json} ({@code receptor}, {@code token}, {@code template}) for a
 * one-time code. The answer is JSON, {@code {"return": {"status": 200, "message": ...}, "entries": [{"messageid":
 * ...}]}}; any other status is a refusal ({@link SmsException}, with Kavenegar's status, never the number or the
 * text). The receptor is sent in the national form Kavenegar documents ({@code 09121234567}).
 */
public final class KavenegarSmsSender implements SmsSender {

    public static final String NAME = "kavenegar";

    private static final Logger LOG = Logger.getLogger(KavenegarSmsSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String apiKey;
    private final Optional<String> sender;
    private final Optional<String> codeTemplate;
    private final Duration timeout;
    private final HttpClient http;

    public KavenegarSmsSender(URI base, String apiKey, Optional<String> sender, Optional<String> codeTemplate,
            Duration timeout) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("support.sms.kavenegar.api-key is required for the kavenegar provider");
        }
        this.base = base;
        this.apiKey = apiKey;
        this.sender = sender.filter(s -> !s.isBlank());
        this.codeTemplate = codeTemplate.filter(s -> !s.isBlank());
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    static KavenegarSmsSender from(SmsConfig.Kavenegar config) {
        return new KavenegarSmsSender(config.baseUrl(), config.apiKey().orElse(null), config.sender(),
            config.codeTemplate(), config.timeout());
    }

    @Override
    public Receipt send(String mobile, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("receptor", receptor(mobile));
        form.put("message", text);
        sender.ifPresent(s -> form.put("sender", s));
        return post("sms/send.json", form, mobile);
    }

    @Override
    public Receipt sendCode(String mobile, String code, String text) {
        if (codeTemplate.isEmpty()) {
            return send(mobile, text);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("receptor", receptor(mobile));
        form.put("token", code);
        form.put("template", codeTemplate.get());
        return post("verify/lookup.json", form, mobile);
    }

    private Receipt post(String method, Map<String, String> form, String mobile) {
        String body = form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + "/v1/" + encode(apiKey) + "/" + method);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SmsException("Kavenegar could not be reached (" + method + "): "
                + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsException("interrupted while sending through Kavenegar", e);
        }
        JsonNode json;
        try {
            json = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new SmsException("Kavenegar answered " + answer.statusCode() + " with a body that is not JSON");
        }
        int status = json.path("return").path("status").asInt(answer.statusCode());
        if (answer.statusCode() != 200 || status != 200) {
            LOG.warnf("Kavenegar refused a message to %s: status %d", Mobile.masked(mobile), status);
            throw new SmsException("Kavenegar refused the message: status " + status);
        }
        String id = json.path("entries").path(0).path("messageid").asText("");
        LOG.debugf("Kavenegar accepted message %s to %s", id, Mobile.masked(mobile));
        return new Receipt(NAME, id);
    }

    /** {@code +989121234567} → {@code 09121234567}; a number of another country stays in E.164 ({@code 00...}). */
    static String receptor(String e164) {
        if (e164.startsWith("+98")) {
            return "0" + e164.substring(3);
        }
        return e164.startsWith("+") ? "00" + e164.substring(1) : e164;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
