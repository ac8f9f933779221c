package ir.tehran.womenfamily.support.sms;

/** A message was not accepted: the provider refused it, or could not be reached. Never carries the number. */
public class SmsException extends RuntimeException {

    public SmsException(String message) {
        super(message);
    }

    public SmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
