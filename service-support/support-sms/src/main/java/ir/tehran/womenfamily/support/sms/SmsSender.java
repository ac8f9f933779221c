package ir.tehran.womenfamily.support.sms;

/**
 * The SMS port: the one way any service sends a text message to a mobile number. Inject it; the adapter is
 * chosen by configuration ({@code support.sms.provider}, see {@link SmsConfig}): {@code development} (the
 * {@link DevelopmentSmsSink}, never in production), {@code kavenegar} ({@link KavenegarSmsSender}).
 *
 * <p>Callers never log the number or the text: they may hold a one-time code or a sensitive fact; the adapters
 * log only a {@link Mobile#masked masked} number.
 */
public interface SmsSender {

    /**
     * Sends {@code text} to {@code mobile} (E.164, see {@link Mobile#e164}).
     *
     * @return the provider's name and its id for the message
     * @throws SmsException when the provider refused the message or could not be reached
     */
    Receipt send(String mobile, String text);

    /**
     * Sends a one-time code. {@code text} is the whole message, as {@link #send} would send it; an adapter may use
     * its provider's dedicated route for codes instead (Kavenegar's {@code verify/lookup} with a template
     * approved in advance, which reaches numbers that block advertising).
     */
    default Receipt sendCode(String mobile, String code, String text) {
        return send(mobile, text);
    }

    /** What the provider said: its name and the id it gave the message. */
    record Receipt(String provider, String messageId) {
    }
}
