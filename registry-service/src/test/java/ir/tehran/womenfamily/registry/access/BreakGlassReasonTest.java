package ir.tehran.womenfamily.registry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BreakGlassReasonTest {

    @Test
    void plainReasonsAreTrimmedAndBlankOnesAreNone() {
        assertEquals("court order 12/1403", SensitiveAccess.decode("  court order 12/1403 "));
        assertNull(SensitiveAccess.decode("   "));
        assertNull(SensitiveAccess.decode(null));
    }

    @Test
    void persianReasonsArrivePercentEncoded() {
        String reason = "درخواست دادگاه برای پرونده";
        assertEquals(reason, SensitiveAccess.decode(URLEncoder.encode(reason, StandardCharsets.UTF_8)
            .replace("+", "%20")));
        assertEquals("a+b 100%", SensitiveAccess.decode("a+b 100%"), "no escape: left as it is");
    }

    @Test
    void theStoredHashIsSaltedByTheAccess() {
        assertNotEquals(SensitiveAccess.sha256("id-1\nsame reason"), SensitiveAccess.sha256("id-2\nsame reason"));
        assertEquals(64, SensitiveAccess.sha256("x").length());
    }
}
