package ir.tehran.womenfamily.registry.beneficiary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.support.persian.PersianText;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

/**
 * The sound key the database stores for every woman ({@code name_sound()}, migration V94, over her
 * {@code name_key}) and the one the search and the duplicate detection compute for a query
 * ({@link PersianText#soundKey}) are one folding: every letter of the Persian and Arabic alphabets, at the start
 * of a word, inside one and at its end, and a few whole names, folded by PostgreSQL and by Java alike.
 */
@QuarkusTest
class NameSoundSqlTest {

    @Inject
    EntityManager em;

    @Test
    @Transactional
    void theDatabaseFoldsEveryLetterAsSupportTextDoes() {
        List<String> texts = new ArrayList<>(List.of("زهرا محمدی", "عذرا عسکری", "ظریفه صالحی‌نژاد",
            "فاطمة حسيني", "غزاله طاهری", "آمنه عبدالحسینی", "ثمین ضیایی", "ع ع", " عع"));
        for (char c = '\u0621'; c <= '\u064A'; c++) {
            texts.add(c + "ب");
            texts.add("ب" + c + "ب");
            texts.add("ب " + c);
        }
        for (char c : "پچژکگی".toCharArray()) {
            texts.add(c + "ب" + c);
        }
        List<String> wrong = new ArrayList<>();
        for (String text : texts) {
            String sql = (String) em.createNativeQuery("select name_sound(?)")
                .setParameter(1, PersianText.matchKey(text)).getSingleResult();
            if (!sql.equals(PersianText.soundKey(text))) {
                wrong.add(text + ": " + sql + " / " + PersianText.soundKey(text));
            }
        }
        assertEquals(List.of(), wrong);
    }
}
