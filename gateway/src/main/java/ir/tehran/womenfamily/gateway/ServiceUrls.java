package ir.tehran.womenfamily.gateway;

import java.net.URI;

/** URLs under a service's base URL. */
public final class ServiceUrls {

    private ServiceUrls() {
    }

    /** {@code base} + {@code pathAndQuery}, whether or not the base ends with a slash. */
    public static URI resolve(URI base, String pathAndQuery) {
        String s = base.toString();
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s + pathAndQuery);
    }
}
