package ir.tehran.womenfamily.support.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the {@link SmsSender} bean from {@code support.sms.provider}. Unset, the port refuses every message
 * ({@link SmsException}): a service that never sends SMS needs no configuration, and one that does cannot send
 * through a sink by accident.
 */
@ApplicationScoped
public class SmsSenders {

    @Produces
    @ApplicationScoped
    SmsSender sender(SmsConfig config) {
        return of(config);
    }

    static SmsSender of(SmsConfig config) {
        String provider = config.provider().map(String::strip).orElse("");
        return switch (provider) {
            case DevelopmentSmsSink.NAME -> new DevelopmentSmsSink(config.development().file());
            case KavenegarSmsSender.NAME -> KavenegarSmsSender.from(config.kavenegar());
            case "" -> (mobile, text) -> {
                throw new SmsException("no SMS provider is configured (support.sms.provider)");
            };
            default -> throw new IllegalStateException("unknown support.sms.provider '" + provider
                + "': development or kavenegar");
        };
    }
}
