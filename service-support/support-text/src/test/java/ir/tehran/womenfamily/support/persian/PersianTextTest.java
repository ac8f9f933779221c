package ir.tehran.womenfamily.support.persian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PersianTextTest {

    @Test
    void arabicYehAndKafBecomePersian() {
        assertEquals("علی کریمی", PersianText.normalize("علي كريمي"));
        assertEquals("مرتضی", PersianText.normalize("مرتضى"));
    }

    @Test
    void digitsOfEveryScriptBecomeLatin() {
        assertEquals("0012345679", PersianText.latinDigits("۰۰۱۲۳۴۵۶۷۹"));
        assertEquals("0012345679", PersianText.latinDigits("٠٠١٢٣٤٥٦٧٩"));
        assertEquals("۱۲ab", PersianText.normalize("۱۲ab").replace("12", "۱۲"));
    }

    @Test
    void zeroWidthNonJoinerDoesNotMakeTwoPeople() {
        assertEquals(PersianText.matchKey("زهرا محمدی‌نژاد"), PersianText.matchKey("زهرا محمدينژاد"));
        assertEquals(PersianText.matchKey("فاطمه"), PersianText.matchKey("فاطمة"));
    }

    @Test
    void diacriticsTatweelAndExtraSpacesAreIgnored() {
        assertEquals(PersianText.matchKey("مـریـم  احمدی"), PersianText.matchKey("مَریم احمدی"));
    }

    @Test
    void differentNamesStayDifferent() {
        assertNotEquals(PersianText.matchKey("مریم"), PersianText.matchKey("مرim"));
        assertNotEquals(PersianText.matchKey("سارا"), PersianText.matchKey("زهرا"));
    }

    @Test
    void nullStaysNull() {
        assertNull(PersianText.normalize(null));
        assertNull(PersianText.matchKey(null));
    }
}
