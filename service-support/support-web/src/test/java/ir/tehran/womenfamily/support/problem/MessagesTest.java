package ir.tehran.womenfamily.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void persianByDefaultEnglishWhenAskedFirst() {
        assertEquals(Messages.PERSIAN, Messages.fromHeader(null));
        assertEquals(Messages.ENGLISH, Messages.fromHeader("en-US,en;q=0.9,fa;q=0.5"));
        assertEquals(Messages.PERSIAN, Messages.fromHeader("fa-IR, en;q=0.8"));
        assertEquals(Messages.PERSIAN, Messages.fromHeader("de"));
    }

    @Test
    void everySharedKeyHasBothLanguages() {
        String persian = Messages.get(Messages.PERSIAN, "problem.validation.title");
        String english = Messages.get(Messages.ENGLISH, "problem.validation.title");
        assertTrue(persian.codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF), persian);
        assertEquals("The submitted data is not valid", english);
        assertEquals("No beneficiary with id 7.", Messages.get(Messages.ENGLISH, "problem.not-found.detail",
            "beneficiary", "7"));
    }
}
