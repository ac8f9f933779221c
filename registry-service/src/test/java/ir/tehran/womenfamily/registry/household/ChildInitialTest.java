package ir.tehran.womenfamily.registry.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The one letter of a child's name that leaves the registry: folded, so two spellings give one initial. */
class ChildInitialTest {

    @Test
    void theInitialIsTheFoldedFirstLetter() {
        assertEquals("ع", Child.firstNameInitial("علی"));
        // Arabic kaf and Persian keheh are one letter
        assertEquals("ک", Child.firstNameInitial("\u0643\u0627\u0645\u0631\u0627\u0646"));
        assertEquals("ک", Child.firstNameInitial("کامران"));
        // alef with madda and plain alef are one letter
        assertEquals("ا", Child.firstNameInitial("آرش"));
        assertEquals("ا", Child.firstNameInitial("ارشیا"));
        // Arabic yeh is the Persian yeh
        assertEquals("ی", Child.firstNameInitial("\u064A\u0627\u0633\u0645\u0646"));
    }

    @Test
    void leadingSpacesMarksAndJoinersAreSkipped() {
        assertEquals("ز", Child.firstNameInitial("  \u200Cزهرا"));
        assertEquals("M", Child.firstNameInitial("maryam"));
    }

    @Test
    void aNameWithoutALetterHasNoInitial() {
        assertNull(Child.firstNameInitial(null));
        assertNull(Child.firstNameInitial("۱۲"));
    }
}
