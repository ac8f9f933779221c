package ir.tehran.womenfamily.support.persian;

import java.text.Normalizer;

/**
 * Folding of Persian text so that one name written in different ways is one name: Arabic yeh and kaf
 * become Persian ی and ک, Arabic-Indic and Persian digits become Latin, the zero-width non-joiner,
 * tatweel and diacritics go, teh marbuta and heh with hamza fold to heh, alef variants to alef, and
 * runs of white space become one space.
 */
public final class PersianText {

    private PersianText() {
    }

    /** Display form: letters and digits unified, ZWNJ kept where it is between letters, spaces tidied. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length());
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            char folded = foldLetter(c);
            if (folded == 0) {
                continue;
            }
            sb.append(folded);
        }
        return sb.toString().replaceAll("[\\s\\u00A0\\u200F\\u200E]+", " ").strip();
    }

    /**
     * Matching key: {@link #normalize} plus the ZWNJ removed (or read as no space at all) and alef and
     * heh variants folded, lower-cased. Two spellings of one name have the same key.
     */
    public static String matchKey(String text) {
        String n = normalize(text);
        if (n == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            switch (c) {
                case '\u200C', '\u200D' -> {
                }
                case '\u0622', '\u0623', '\u0625', '\u0671' -> sb.append('\u0627'); // آ أ إ ٱ -> ا
                case '\u0629', '\u06C0', '\u06C1', '\u06D5' -> sb.append('\u0647'); // ة ۀ ہ ە -> ه
                case '\u0624' -> sb.append('\u0648'); // ؤ -> و
                case '\u0626' -> sb.append('\u06CC'); // ئ -> ی
                default -> sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().replace(" ", " ").strip();
    }

    /**
     * The letters that sound alike, in pairs of the letter a clerk may type and the one it is folded to:
     * ذ ض ظ as ز, ص ث as س, ط as ت, ح as ه, غ as ق. The registry's migration V94 ({@code name_sound()})
     * folds stored names with these very pairs; {@code NameSoundSqlTest} holds the two to each other.
     */
    public static final String SOUND_ALIKE_FROM = "\u0630\u0636\u0638\u0635\u062B\u0637\u062D\u063A";
    /** What each letter of {@link #SOUND_ALIKE_FROM} is folded to, at the same position. */
    public static final String SOUND_ALIKE_TO = "\u0632\u0632\u0632\u0633\u0633\u062A\u0647\u0642";

    /**
     * Sound key: {@link #matchKey} with the letters that sound alike folded to one letter of their class
     * ({@link #SOUND_ALIKE_FROM}) and ع at the start of a word read as ا, so «ذهره» and «زهره», «صدیقه» and
     * «سدیقه», «عذرا» and «اذرا» have one key. Applied to a key it gives the same key: the folding is
     * idempotent.
     */
    public static String soundKey(String text) {
        String key = matchKey(text);
        if (key == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            int alike = SOUND_ALIKE_FROM.indexOf(c);
            if (alike >= 0) {
                sb.append(SOUND_ALIKE_TO.charAt(alike));
            } else if (c == '\u0639' && (i == 0 || key.charAt(i - 1) == ' ')) {
                sb.append('\u0627'); // ع at the start of a word -> ا
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to Latin; everything else unchanged. */
    public static String latinDigits(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            sb.append(latinDigit(text.charAt(i)));
        }
        return sb.toString();
    }

    private static char latinDigit(char c) {
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        return c;
    }

    /** Returns the folded character, or 0 to drop it. */
    private static char foldLetter(char c) {
        char d = latinDigit(c);
        if (d != c) {
            return d;
        }
        return switch (c) {
            case '\u064A', '\u0649' -> '\u06CC'; // ي ى -> ی
            case '\u0643' -> '\u06A9'; // ك -> ک
            case '\u0640' -> 0; // tatweel
            case '\uFEFF' -> 0; // byte-order mark
            default -> isDiacritic(c) ? 0 : c;
        };
    }

    private static boolean isDiacritic(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670';
    }
}
