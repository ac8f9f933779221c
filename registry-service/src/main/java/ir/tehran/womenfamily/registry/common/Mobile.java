package ir.tehran.womenfamily.registry.common;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import ir.tehran.womenfamily.support.persian.PersianText;

/** Mobile numbers in E.164 ({@code +989121234567}), from whatever a person writes (۰۹۱۲..., 0912..., +98...). */
public final class Mobile {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Mobile() {
    }

    public static Optional<String> e164(String input) {
        if (input == null || input.isBlank()) {
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
}
