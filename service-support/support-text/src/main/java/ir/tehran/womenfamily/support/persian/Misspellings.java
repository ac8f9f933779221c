package ir.tehran.womenfamily.support.persian;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The slips a clerk makes typing one Persian word, as the sound keys ({@link PersianText#soundKey}) of the
 * spellings she may have meant: a letter typed for its neighbour on the standard Persian keyboard (ISIRI 9147),
 * one letter left out, one letter doubled. At most one slip per word; words shorter than {@value #MIN_LETTERS}
 * letters are taken as typed (one slip in two letters is another word). The set is bounded: for a word of n
 * letters at most about 6n neighbours, 32(n + 1) left-out letters and n doubled ones.
 */
public final class Misspellings {

    /** Words shorter than this are not read as misspelt. */
    public static final int MIN_LETTERS = 3;

    /** The rows of the ISIRI 9147 layout, from the top letter row down, each from the left; index = key column. */
    private static final String[] ROWS = {
        "ضصثقفغعهخحجچ", // Q W E R T Y U I O P [ ]
        "شسیبلاتنمکگ", // A S D F G H J K L ; '
        "ظطزرذدپو", // Z X C V B N M ,
    };

    /** The 32 letters of the Persian alphabet: what may have been left out. */
    private static final String ALPHABET = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی";

    private static final Map<Character, String> NEIGHBOURS = neighbours();

    private Misspellings() {
    }

    /**
     * The sound keys of the word as typed and of every word one slip away from it, in a stable (sorted) order;
     * {@code word} is one word (no space). Empty for an empty word.
     */
    public static Set<String> oneSlipFrom(String word) {
        Set<String> keys = new TreeSet<>();
        String w = PersianText.matchKey(word);
        if (w == null || w.isEmpty()) {
            return keys;
        }
        keys.add(PersianText.soundKey(w));
        if (w.codePointCount(0, w.length()) < MIN_LETTERS || !isPersian(w)) {
            return keys;
        }
        for (int i = 0; i < w.length(); i++) {
            String before = w.substring(0, i);
            String after = w.substring(i + 1);
            // a neighbour typed for this letter
            for (char n : NEIGHBOURS.getOrDefault(w.charAt(i), "").toCharArray()) {
                keys.add(PersianText.soundKey(before + n + after));
            }
            // this letter typed twice
            if (i > 0 && w.charAt(i - 1) == w.charAt(i)) {
                keys.add(PersianText.soundKey(before + after));
            }
        }
        // a letter left out, anywhere
        for (int i = 0; i <= w.length(); i++) {
            for (char letter : ALPHABET.toCharArray()) {
                keys.add(PersianText.soundKey(w.substring(0, i) + letter + w.substring(i)));
            }
        }
        return keys;
    }

    /** The keys that touch this one on the layout: left and right, and the two above and below it. */
    static String neighboursOf(char letter) {
        return NEIGHBOURS.getOrDefault(letter, "");
    }

    private static boolean isPersian(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (ALPHABET.indexOf(w.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each row sits about half a key to the right of the one above it, so the key in column c touches columns
     * c and c + 1 of the row above (A lies under Q and W) and columns c - 1 and c of the row below (Z lies
     * under A and S).
     */
    private static Map<Character, String> neighbours() {
        Map<Character, String> map = new java.util.HashMap<>();
        for (int r = 0; r < ROWS.length; r++) {
            for (int c = 0; c < ROWS[r].length(); c++) {
                StringBuilder n = new StringBuilder();
                append(n, r, c - 1);
                append(n, r, c + 1);
                append(n, r - 1, c);
                append(n, r - 1, c + 1);
                append(n, r + 1, c - 1);
                append(n, r + 1, c);
                map.put(ROWS[r].charAt(c), n.toString());
            }
        }
        return Map.copyOf(map);
    }

    private static void append(StringBuilder n, int row, int column) {
        if (row >= 0 && row < ROWS.length && column >= 0 && column < ROWS[row].length()) {
            n.append(ROWS[row].charAt(column));
        }
    }
}
