package ir.tehran.womenfamily.gateway.limit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The rate-limit groups by path prefix; a path belongs to the group with the longest matching prefix. */
final class RouteGroups {

    private final List<Prefix> prefixes;

    RouteGroups(Map<String, List<String>> pathsByGroup) {
        List<Prefix> all = new ArrayList<>();
        pathsByGroup.forEach((group, paths) -> paths.forEach(p -> all.add(new Prefix(normalise(p), group))));
        all.sort(Comparator.comparingInt((Prefix p) -> p.path().length()).reversed());
        this.prefixes = List.copyOf(all);
    }

    /** The group of {@code path}, or {@code null} when no prefix matches. */
    String groupOf(String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        for (Prefix prefix : prefixes) {
            if (matches(prefix.path(), p)) {
                return prefix.group();
            }
        }
        return null;
    }

    /** Whole segments only: {@code /admin} matches {@code /admin} and {@code /admin/x}, not {@code /administer}. */
    static boolean matches(String prefix, String path) {
        if (prefix.equals("/")) {
            return true;
        }
        return path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
    }

    private static String normalise(String path) {
        String p = path.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private record Prefix(String path, String group) {
    }
}
