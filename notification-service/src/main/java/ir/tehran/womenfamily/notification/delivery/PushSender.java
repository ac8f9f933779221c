package ir.tehran.womenfamily.notification.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import ir.tehran.womenfamily.notification.NotificationConfig;
import ir.tehran.womenfamily.notification.push.PushSubscription;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Sends one Web Push message (RFC 8030): the payload encrypted for the subscription (RFC 8291, {@code aes128gcm}) and
 * the request signed with the VAPID key (RFC 8292), both by the maintained {@code com.interaso:webpush} library; the
 * HTTP call is the JDK's, so that the relay sees each answer's status.
 */
@ApplicationScoped
public class PushSender {

    private static final Logger LOG = Logger.getLogger(PushSender.class);

    /** What the push service answered. */
    public enum Outcome { SENT, GONE, RETRY, REFUSED }

    /** An answer: the outcome and, when not sent, why. */
    public record Result(Outcome outcome, String error) {
    }

    @Inject
    NotificationConfig config;

    private WebPush webPush;
    private HttpClient http;

    @PostConstruct
    void init() {
        NotificationConfig.Push p = config.push();
        if (p.vapidPublicKey().isPresent() && p.vapidPrivateKey().isPresent()) {
            webPush = new WebPush(p.subject(), VapidKeys.fromUncompressedBytes(p.vapidPublicKey().get(),
                p.vapidPrivateKey().get()));
        } else {
            LOG.info("no VAPID key pair configured (notification.push.vapid-*): Web Push is off");
        }
        http = HttpClient.newBuilder().connectTimeout(p.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Whether this deployment sends push: it has a VAPID key pair. */
    public boolean enabled() {
        return webPush != null;
    }

    public Result send(PushSubscription s, byte[] payload) {
        try {
            byte[] body = webPush.getBody(payload, Base64.getUrlDecoder().decode(s.p256dh.replace("=", "")),
                Base64.getUrlDecoder().decode(s.auth.replace("=", "")));
            Map<String, String> headers = webPush.getHeaders(s.endpoint, (int) config.push().ttl().toSeconds(), null,
                WebPush.Urgency.Normal);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(s.endpoint))
                .timeout(config.push().timeout()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach((name, value) -> {
                if (!"content-length".equalsIgnoreCase(name)) {
                    request.header(name, value);
                }
            });
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return new Result(Outcome.SENT, null);
            }
            if (status == 404 || status == 410) {
                return new Result(Outcome.GONE, "HTTP " + status);
            }
            if (status == 429 || status >= 500) {
                return new Result(Outcome.RETRY, "HTTP " + status);
            }
            return new Result(Outcome.REFUSED, "HTTP " + status);
        } catch (IOException e) {
            return new Result(Outcome.RETRY, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.RETRY, "interrupted");
        }
    }
}
