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
    void lettersThatSoundAlikeHaveOneSoundKey() {
        assertEquals(PersianText.soundKey("زهره"), PersianText.soundKey("ذهره"));
        assertEquals(PersianText.soundKey("زهره"), PersianText.soundKey("ضهره"));
        assertEquals(PersianText.soundKey("زهره"), PersianText.soundKey("ظهره"));
        assertEquals(PersianText.soundKey("صدیقه"), PersianText.soundKey("سدیقه"));
        assertEquals(PersianText.soundKey("ثریا"), PersianText.soundKey("سریا"));
        assertEquals(PersianText.soundKey("طاهره"), PersianText.soundKey("تاهره"));
        assertEquals(PersianText.soundKey("محبوبه"), PersianText.soundKey("مهبوبه"));
        assertEquals(PersianText.soundKey("غزاله"), PersianText.soundKey("قزاله"));
        assertEquals("ززسستهق", PersianText.soundKey("ذضصثطحغ"));
    }

    @Test
    void aynIsReadAsAlefOnlyAtTheStartOfAWord() {
        assertEquals(PersianText.soundKey("اذرا اسکری"), PersianText.soundKey("عذرا عسکری"));
        assertEquals("اله", PersianText.soundKey("آله"));
        assertNotEquals(PersianText.soundKey("معصومه"), PersianText.soundKey("ماصومه"));
        assertEquals("مهمد الی", PersianText.soundKey("محمد علی"));
    }

    @Test
    void theSoundKeyFoldsWhatTheMatchKeyFoldsAndIsIdempotent() {
        assertEquals(PersianText.soundKey("فاطمه حسینی"), PersianText.soundKey("فاطمة حسيني"));
        String key = PersianText.soundKey("ظریفه  عبدالحسینی‌نژاد");
        assertEquals(key, PersianText.soundKey(key));
        assertNotEquals(PersianText.soundKey("سارا"), PersianText.soundKey("زهرا"));
    }

    @Test
    void nullStaysNull() {
        assertNull(PersianText.soundKey(null));
        assertNull(PersianText.normalize(null));
        assertNull(PersianText.matchKey(null));
    }
}
