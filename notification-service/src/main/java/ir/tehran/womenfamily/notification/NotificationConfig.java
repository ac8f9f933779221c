package ir.tehran.womenfamily.notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the notification service (application.properties explains each). */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** The topics of the events that concern a person. */
    List<String> topics();

    String consumerGroup();

    @WithDefault("true")
    boolean consume();

    Push push();

    Stream stream();

    /** Web Push. */
    interface Push {
        /** The VAPID public key: the uncompressed P-256 point, base64url (what a browser subscribes with). */
        Optional<String> vapidPublicKey();

        /** The VAPID private key: the 32-byte P-256 scalar, base64url. */
        Optional<String> vapidPrivateKey();

        /** The VAPID {@code sub}: a mailto: or https: contact for the push services. */
        String subject();

        /** How often each replica sends the due deliveries ({@code off} in tests, which send them themselves). */
        @WithDefault("5s")
        String deliverEvery();

        @WithDefault("6")
        int maxAttempts();

        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** How long a push service keeps an undelivered message. */
        @WithDefault("24h")
        Duration ttl();

        @WithDefault("10s")
        Duration timeout();

        /** Whether an endpoint may be plain http (tests, with a push service on this machine); never in production. */
        @WithDefault("false")
        boolean allowInsecureEndpoints();
    }

    /** The live stream. */
    interface Stream {
        /** How often each replica looks, once for all its open streams, for what other replicas stored. */
        @WithDefault("2s")
        String pollEvery();

        /** How often an open stream gets a heartbeat comment line. */
        @WithDefault("15s")
        String heartbeatEvery();
    }
}
