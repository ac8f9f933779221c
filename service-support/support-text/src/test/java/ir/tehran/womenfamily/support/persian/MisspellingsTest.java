package ir.tehran.womenfamily.support.persian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class MisspellingsTest {

    private static boolean meant(String typed, String intended) {
        return Misspellings.oneSlipFrom(typed).contains(PersianText.soundKey(intended));
    }

    @Test
    void aKeyboardNeighbourTypedForTheLetter() {
        assertTrue(meant("مرین", "مریم")); // ن beside م on the home row
        assertTrue(meant("زهرل", "زهرا")); // ل beside ا
        assertTrue(meant("سپیدع", "سپیده")); // ع beside ه on the top row
        assertTrue(meant("رپیا", "رویا")); // پ beside و on the bottom row
        assertTrue(meant("شیرین", "سیرین")); // ش beside س
        assertFalse(meant("مریک", "مریش")); // ک and ش are at the two ends of the row
    }

    @Test
    void theLayoutIsIsiri9147() {
        assertEquals("صش", Misspellings.neighboursOf('ض')); // Q: W beside it, A below
        assertEquals("لتغعذد", Misspellings.neighboursOf('ا')); // H: G and J, Y and U above, B and N below
        assertEquals("ظزسی", Misspellings.neighboursOf('ط')); // X: Z and C, S and D above
        assertEquals("", Misspellings.neighboursOf('x'));
    }

    @Test
    void oneLetterLeftOut() {
        assertTrue(meant("فرشه", "فرشته"));
        assertTrue(meant("مصومه", "معصومه"));
        assertTrue(meant("ریحنه", "ریحانه"));
    }

    @Test
    void oneLetterDoubled() {
        assertTrue(meant("نسررین", "نسرین"));
        assertTrue(meant("مرریم", "مریم"));
    }

    @Test
    void theWordAsTypedIsInAndSoundAlikeSpellingsToo() {
        assertTrue(meant("ذهره", "زهره"));
        assertTrue(meant("ذهره", "ظهره"));
        assertTrue(meant("زهره", "زهره"));
    }

    @Test
    void twoSlipsAndShortWordsAreNotOne() {
        assertFalse(meant("فرش", "فرشته"));
        assertFalse(meant("مرینن", "مریم"));
        assertEquals(Set.of(PersianText.soundKey("ال")), Misspellings.oneSlipFrom("ال"));
        assertEquals(Set.of(), Misspellings.oneSlipFrom(" "));
    }

    @Test
    void theSetIsBoundedAndStable() {
        Set<String> keys = Misspellings.oneSlipFrom("عبدالحسین");
        assertTrue(keys.size() < 7 * 9 + 32 * 10 + 9, "too many: " + keys.size());
        assertEquals(keys.stream().toList(), Misspellings.oneSlipFrom("عبدالحسين").stream().toList());
    }
}
