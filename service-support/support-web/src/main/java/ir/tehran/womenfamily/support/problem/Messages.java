package ir.tehran.womenfamily.support.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * User-facing messages in Persian (the default) and English. Bundles are
 * {@code problem-messages[_en].properties} in this library and {@code messages[_en].properties} in each
 * service, so a service adds its own keys without touching the shared ones.
 */
public final class Messages {

    public static final Locale PERSIAN = Locale.forLanguageTag("fa-IR");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final ResourceBundle.Control LOOKUP =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** Persian unless the client prefers English (by the order of its {@code Accept-Language}). */
    public static Locale choose(List<Locale> acceptable) {
        for (Locale l : acceptable) {
            String lang = l.getLanguage();
            if ("fa".equals(lang) || "per".equals(lang)) {
                return PERSIAN;
            }
            if ("en".equals(lang)) {
                return ENGLISH;
            }
        }
        return PERSIAN;
    }

    public static Locale fromHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return PERSIAN;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange r : ranges) {
                if (r.getRange().startsWith("fa")) {
                    return PERSIAN;
                }
                if (r.getRange().startsWith("en")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException ignored) {
            // a malformed header gets the default language
        }
        return PERSIAN;
    }

    /** A message argument that is itself translated: {@code key}, or {@code fallback} when no bundle has it. */
    public record Key(String key, String fallback) {
    }

    public static String get(Locale locale, String key, Object... args) {
        return resolve(locale, key, args).text();
    }

    /**
     * A message and the language it is written in: the language of the bundle that held the key, which is
     * not {@code locale}'s when that language's bundle lacks the key (the Persian base bundle answers then), or
     * null when no bundle has it (the text is then the key itself).
     */
    public record Text(String text, Locale language) {
    }

    /** Like {@link #get}, with the language of the bundle the message came from. */
    public static Text resolve(Locale locale, String key, Object... args) {
        Text pattern = lookup("messages", locale, key);
        if (pattern == null) {
            pattern = lookup("ir.tehran.womenfamily.support.problem.problem-messages", locale, key);
        }
        if (pattern == null) {
            return new Text(key, null);
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Key k) {
                String text = get(locale, k.key());
                resolved[i] = text.equals(k.key()) ? k.fallback() : text;
            } else {
                resolved[i] = args[i] == null ? "" : args[i].toString();
            }
        }
        return new Text(new MessageFormat(pattern.text(), locale).format(resolved), pattern.language());
    }

    /**
     * The pattern of {@code key} in the bundle family {@code bundle}, from the most specific bundle of
     * {@code locale} that holds it (for English: {@code _en}, then the base). The base bundles are Persian.
     */
    private static Text lookup(String bundle, Locale locale, String key) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (Locale candidate : LOOKUP.getCandidateLocales(bundle, locale)) {
            ResourceBundle b;
            try {
                b = ResourceBundle.getBundle(bundle, candidate, loader, LOOKUP);
            } catch (MissingResourceException e) {
                return null;
            }
            // without a file of its own the candidate is answered by a less specific bundle, tried in its turn
            if (b.getLocale().equals(candidate) && b instanceof PropertyResourceBundle own) {
                Object pattern = own.handleGetObject(key);
                if (pattern != null) {
                    return new Text(pattern.toString(), candidate.equals(Locale.ROOT) ? PERSIAN : candidate);
                }
            }
        }
        return null;
    }
}
