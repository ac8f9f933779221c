package ir.tehran.womenfamily.system;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid national codes (کد ملی) for the end-to-end tests: check digit with weights 10..2, not one digit
 * repeated.
 */
public final class NationalCodes {

    private NationalCodes() {
    }

    /** A random valid code. */
    public static String random() {
        while (true) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                body.append(ThreadLocalRandom.current().nextInt(10));
            }
            String code = withCheckDigit(body.toString());
            if (code != null) {
                return code;
            }
        }
    }

    /** The nine digits with their check digit, or null when the result is one digit repeated (not valid). */
    static String withCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        String code = nineDigits + (r < 2 ? r : 11 - r);
        return code.chars().distinct().count() > 1 ? code : null;
    }
}
