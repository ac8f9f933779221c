package ir.tehran.womenfamily.registry;

import java.util.concurrent.ThreadLocalRandom;

/** Test data: valid national codes, different on every call. */
public final class NationalCodes {

    private NationalCodes() {
    }

    public static String random() {
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                sb.append(ThreadLocalRandom.current().nextInt(10));
            }
            String code = withCheckDigit(sb.toString());
            if (code.chars().distinct().count() > 1) {
                return code;
            }
        }
    }

    public static String withCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        return nineDigits + (r < 2 ? r : 11 - r);
    }

    /** The same code in Persian digits. */
    public static String persian(String code) {
        StringBuilder sb = new StringBuilder();
        code.chars().forEach(c -> sb.append((char) ('\u06F0' + (c - '0'))));
        return sb.toString();
    }
}
