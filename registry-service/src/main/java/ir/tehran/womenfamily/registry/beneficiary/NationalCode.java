package ir.tehran.womenfamily.registry.beneficiary;

import java.util.Optional;

import ir.tehran.womenfamily.support.persian.PersianText;

/**
 * The Iranian national code (کد ملی): ten digits, the last a check digit. Weights 10..2 on the first
 * nine digits, r = sum mod 11; the check digit is r when r &lt; 2, else 11 − r. A code of one digit
 * repeated passes that check and is still invalid.
 */
public final class NationalCode {

    private NationalCode() {
    }

    /** The canonical ten Latin digits, or empty when the input is not a valid code. */
    public static Optional<String> canonical(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = PersianText.latinDigits(input.strip()).replace("-", "").replace(" ", "");
        return isValid(digits) ? Optional.of(digits) : Optional.empty();
    }

    static boolean isValid(String digits) {
        if (digits.length() != 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        if (digits.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        int check = digits.charAt(9) - '0';
        return r < 2 ? check == r : check == 11 - r;
    }
}
