package ir.tehran.womenfamily.registry.beneficiary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class NationalCodeTest {

    @Test
    void acceptsAValidCodeInAnyDigits() {
        assertEquals(Optional.of("0012345679"), NationalCode.canonical("0012345679"));
        assertEquals(Optional.of("0012345679"), NationalCode.canonical("۰۰۱۲۳۴۵۶۷۹"));
        assertEquals(Optional.of("0012345679"), NationalCode.canonical("٠٠١٢٣٤٥٦٧٩"));
        assertEquals(Optional.of("0012345679"), NationalCode.canonical(" 001-234567-9 "));
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertTrue(NationalCode.canonical("0012345678").isEmpty());
    }

    @Test
    void rejectsTheRepeatedDigitCodesThatPassTheChecksum() {
        for (char d = '0'; d <= '9'; d++) {
            String code = String.valueOf(d).repeat(10);
            assertTrue(NationalCode.canonical(code).isEmpty(), code);
        }
    }

    @Test
    void rejectsWrongLengthsAndLetters() {
        assertTrue(NationalCode.canonical("001234567").isEmpty());
        assertTrue(NationalCode.canonical("00123456790").isEmpty());
        assertTrue(NationalCode.canonical("00123a5679").isEmpty());
        assertTrue(NationalCode.canonical(null).isEmpty());
    }

    @Test
    void aCheckRemainderBelowTwoIsTheDigitItself() {
        // 1*10 + 0*9 ... + 1*2 = 12, 12 mod 11 = 1: the check digit is 1
        assertEquals(Optional.of("1000000011"), NationalCode.canonical("1000000011"));
    }
}
