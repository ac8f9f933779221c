package ir.tehran.womenfamily.support.sms;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code support.sms.*}: which adapter the {@link SmsSender} port uses and how it reaches its provider. Nothing
 * here has a production default: a service that sends SMS sets {@code support.sms.provider} from the environment
 * ({@code SUPPORT_SMS_PROVIDER}), and Kavenegar's key and sender come from the environment too
 * ({@code SUPPORT_SMS_KAVENEGAR_API_KEY}, {@code SUPPORT_SMS_KAVENEGAR_SENDER}).
 */
@ConfigMapping(prefix = "support.sms")
public interface SmsConfig {

    /** {@code development} or {@code kavenegar}; unset, every send fails (nothing is sent by accident). */
    Optional<String> provider();

    Development development();

    Kavenegar kavenegar();

    /** The development sink. */
    interface Development {

        /** A file the messages are appended to, besides the log (the local stack: next to its demo credentials). */
        Optional<Path> file();
    }

    /** Kavenegar's REST API (https://kavenegar.com/rest.html). */
    interface Kavenegar {

        /** The account's API key: it is part of every request's path. */
        Optional<String> apiKey();

        /** The sender line (a number of the account); unset, Kavenegar's default line. */
        Optional<String> sender();

        /**
         * A {@code verify/lookup} template approved in the Kavenegar panel, with {@code %token} where the code
         * goes; unset, codes go out as plain messages through {@code sms/send}.
         */
        Optional<String> codeTemplate();

        @WithDefault("https://api.kavenegar.com")
        URI baseUrl();

        @WithDefault("10s")
        Duration timeout();
    }
}
