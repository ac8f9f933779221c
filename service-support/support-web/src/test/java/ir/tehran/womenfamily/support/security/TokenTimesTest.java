package ir.tehran.womenfamily.support.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenTimesTest {

    private static final long NOW = 1_800_000_000L;

    @Test
    void aTokenIssuedNowOrInThePastIsNotFromTheFuture() {
        assertFalse(TokenTimes.issuedInTheFuture(NOW, NOW, 30));
        assertFalse(TokenTimes.issuedInTheFuture(NOW - 600, NOW, 30));
    }

    @Test
    void theClockSkewIsAllowedAndNotOneSecondMore() {
        assertFalse(TokenTimes.issuedInTheFuture(NOW + 30, NOW, 30));
        assertTrue(TokenTimes.issuedInTheFuture(NOW + 31, NOW, 30));
        assertTrue(TokenTimes.issuedInTheFuture(NOW + 1, NOW, 0));
        assertTrue(TokenTimes.issuedInTheFuture(NOW + 1, NOW, -5));
    }
}
