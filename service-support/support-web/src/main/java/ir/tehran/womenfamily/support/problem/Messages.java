package ir.tehran.womenfamily.support.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing messages in Persian (the default) and English. Bundles are
 * {@code problem-messages[_en].properties} in this library and {@code messages[_en].properties} in each
 * service, so a service adds its own keys without touching the shared ones.
 */
public final class Messages {

    public static final Locale PERSIAN = Locale.forLanguageTag("fa-IR");
    public static final Locale ENGLISH = Locale.ENGLISH;

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
        String pattern = lookup("messages", locale, key);
        if (pattern == null) {
            pattern = lookup("ir.tehran.womenfamily.support.problem.problem-messages", locale, key);
        }
        if (pattern == null) {
            return key;
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
        return new MessageFormat(pattern, locale).format(resolved);
    }

    private static String lookup(String bundle, Locale locale, String key) {
        try {
            ResourceBundle b = ResourceBundle.getBundle(bundle, locale, Thread.currentThread().getContextClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return b.containsKey(key) ? b.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
