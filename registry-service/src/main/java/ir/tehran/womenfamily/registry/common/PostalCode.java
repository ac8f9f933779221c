package ir.tehran.womenfamily.registry.common;

import java.util.Optional;

import ir.tehran.womenfamily.support.persian.PersianText;

/** Iranian postal codes: ten digits (written with any digits, with or without a dash). */
public final class PostalCode {

    private PostalCode() {
    }

    public static Optional<String> canonical(String input) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String digits = PersianText.latinDigits(input.strip()).replace("-", "").replace(" ", "");
        return digits.matches("[0-9]{10}") ? Optional.of(digits) : Optional.empty();
    }
}
