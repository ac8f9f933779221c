package ir.tehran.womenfamily.support.sms;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import ir.tehran.womenfamily.support.persian.PersianText;

/**
 * Mobile numbers in E.164 ({@code +989121234567}), from whatever a person writes (۰۹۱۲..., 0912..., +98...): the
 * one normalisation the register (search, duplicates) and the sign-in with a one-time code share.
 */
public final class Mobile {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Mobile() {
    }

    /** The number in E.164 when it is a valid mobile number (Iran by default), else empty. */
    public static Optional<String> e164(String input) {
        if (input == null || input.isBlank() || input.length() > 40) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber n = PHONES.parse(PersianText.latinDigits(input.strip()), "IR");
            if (!PHONES.isValidNumber(n) || PHONES.getNumberType(n) != PhoneNumberUtil.PhoneNumberType.MOBILE) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The number with all but its last four digits hidden ({@code +98*******4567}): what a log line or a
     * developer's screen may show.
     */
    public static String masked(String e164) {
        if (e164 == null || e164.length() <= 7) {
            return "***";
        }
        return e164.substring(0, 3) + "*".repeat(e164.length() - 7) + e164.substring(e164.length() - 4);
    }
}
