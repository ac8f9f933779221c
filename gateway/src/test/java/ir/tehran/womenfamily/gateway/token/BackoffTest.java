package ir.tehran.womenfamily.gateway.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void noDelayBeforeTheFifthThenDoublingUpToTheCap() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, backoff.after(i));
        }
        assertEquals(Duration.ofSeconds(30), backoff.after(5));
        assertEquals(Duration.ofSeconds(60), backoff.after(6));
        assertEquals(Duration.ofSeconds(120), backoff.after(7));
        assertEquals(Duration.ofSeconds(480), backoff.after(9));
        assertEquals(Duration.ofMinutes(15), backoff.after(10));
        assertEquals(Duration.ofMinutes(15), backoff.after(1_000_000));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        Duration minute = Duration.ofMinutes(1);
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, Duration.ofSeconds(1), minute));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(5, Duration.ZERO, minute));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(5, Duration.ofMinutes(2), minute));
    }
}
