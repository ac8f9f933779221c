package ir.tehran.womenfamily.support.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class MobileTest {

    @Test
    void whateverAPersonWritesBecomesE164() {
        assertEquals(Optional.of("+989121234567"), Mobile.e164("۰۹۱۲۱۲۳۴۵۶۷"));
        assertEquals(Optional.of("+989121234567"), Mobile.e164("0912 123 4567"));
        assertEquals(Optional.of("+989121234567"), Mobile.e164("+98 912 123 4567"));
        assertEquals(Optional.empty(), Mobile.e164("02188776655"));
        assertEquals(Optional.empty(), Mobile.e164("hello"));
    }

    @Test
    void maskedKeepsTheLastFourDigits() {
        assertEquals("+98******4567", Mobile.masked("+989121234567"));
        assertEquals("***", Mobile.masked("+98"));
    }

    @Test
    void kavenegarReceptorIsTheNationalForm() {
        assertEquals("09121234567", KavenegarSmsSender.receptor("+989121234567"));
        assertEquals("00447700900123", KavenegarSmsSender.receptor("+447700900123"));
    }
}
