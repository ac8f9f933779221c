package ir.tehran.womenfamily.gateway.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import ir.tehran.womenfamily.support.problem.Messages;

/**
 * The sign-in page of the authorization endpoint: Persian and right to left by default, English on request, no
 * script, its only style inline and allowed by hash in its own Content-Security-Policy, so the page loads nothing
 * from anywhere and cannot be framed.
 */
final class SignInPage {

    private static final String STYLE = "body{font-family:Vazirmatn,Tahoma,sans-serif;background:#f6f2f7;margin:0}"
        + "main{max-width:24rem;margin:3rem auto;background:#fff;padding:1.5rem;border-radius:.5rem}"
        + "label{display:block;margin-top:1rem}input{width:100%;padding:.5rem;box-sizing:border-box}"
        + "button{margin-top:1.2rem;padding:.5rem 1rem;margin-inline-end:.5rem}.error{color:#a4002a}"
        + "h2{font-size:1.1rem;margin-top:1.5rem}section+section{border-top:1px solid #ddd;margin-top:1.5rem}";

    /** The page's policy: nothing but its own inline style; the form posts back to the page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(STYLE)
        + "'; frame-ancestors 'none'; base-uri 'none'";

    private SignInPage() {
    }

    /**
     * The first page: a woman's way in (her mobile number, to which a one-time code is sent) when {@code mobile} is
     * offered, and the password form of staff, producers and sponsors. {@code hidden} are the authorization
     * request's parameters, carried to each form's POST.
     */
    static String form(Locale locale, String clientName, Map<String, String> hidden, String csrf, String error,
            String otherLanguageHref, boolean mobile) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(text(locale, "signin.heading")).append("</h1>\n");
        body.append("<p>").append(escape(Messages.get(locale, "signin.client", clientName))).append("</p>\n");
        alert(body, locale, error);
        if (mobile) {
            body.append("<section aria-labelledby=\"by-mobile\">\n<h2 id=\"by-mobile\">")
                .append(text(locale, "signin.mobile.heading")).append("</h2>\n");
            openForm(body, hidden, csrf);
            body.append("<label for=\"mobile\">").append(text(locale, "signin.mobile")).append("</label>\n");
            body.append("<input id=\"mobile\" name=\"mobile\" type=\"tel\" inputmode=\"tel\" autocomplete=\"tel\" "
                + "dir=\"ltr\" required>\n");
            button(body, locale, "send-code", "signin.mobile.send", false);
            body.append("</form>\n</section>\n");
            body.append("<section aria-labelledby=\"by-password\">\n<h2 id=\"by-password\">")
                .append(text(locale, "signin.password.heading")).append("</h2>\n");
        }
        openForm(body, hidden, csrf);
        body.append("<label for=\"username\">").append(text(locale, "signin.username")).append("</label>\n");
        body.append("<input id=\"username\" name=\"username\" autocomplete=\"username\" dir=\"ltr\" required>\n");
        body.append("<label for=\"password\">").append(text(locale, "signin.password")).append("</label>\n");
        body.append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" "
            + "dir=\"ltr\" required>\n");
        button(body, locale, "sign-in", "signin.submit", false);
        button(body, locale, "cancel", "signin.cancel", true);
        body.append("</form>\n");
        if (mobile) {
            body.append("</section>\n");
        }
        otherLanguage(body, locale, otherLanguageHref);
        return page(locale, body.toString());
    }

    /**
     * The second page of a woman's sign-in: the code sent to {@code mobile} (E.164, carried in the form), a new code
     * on request, and a way back to the first page to correct the number.
     */
    static String codeForm(Locale locale, String clientName, Map<String, String> hidden, String csrf, String error,
            String mobile, String startHref, String otherLanguageHref) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(text(locale, "signin.heading")).append("</h1>\n");
        body.append("<p>").append(escape(Messages.get(locale, "signin.client", clientName))).append("</p>\n");
        alert(body, locale, error);
        body.append("<p>").append(text(locale, "signin.code.sent")).append(" <bdi dir=\"ltr\">").append(escape(mobile))
            .append("</bdi></p>\n");
        openForm(body, hidden, csrf);
        body.append("<input type=\"hidden\" name=\"mobile\" value=\"").append(escape(mobile)).append("\">\n");
        body.append("<label for=\"code\">").append(text(locale, "signin.code")).append("</label>\n");
        body.append("<input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" "
            + "dir=\"ltr\" required>\n");
        button(body, locale, "verify-code", "signin.submit", false);
        button(body, locale, "send-code", "signin.code.again", true);
        button(body, locale, "cancel", "signin.cancel", true);
        body.append("</form>\n");
        body.append("<p><a href=\"").append(escape(startHref)).append("\">").append(text(locale, "signin.code.restart"))
            .append("</a></p>\n");
        otherLanguage(body, locale, otherLanguageHref);
        return page(locale, body.toString());
    }

    private static void alert(StringBuilder body, Locale locale, String error) {
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(text(locale, error)).append("</p>\n");
        }
    }

    private static void openForm(StringBuilder body, Map<String, String> hidden, String csrf) {
        body.append("<form method=\"post\" action=\"/oauth2/authorize\">\n");
        hidden.forEach((name, value) -> {
            if (value != null) {
                body.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"")
                    .append(escape(value)).append("\">\n");
            }
        });
        body.append("<input type=\"hidden\" name=\"csrf_token\" value=\"").append(escape(csrf)).append("\">\n");
    }

    private static void button(StringBuilder body, Locale locale, String action, String key, boolean noValidate) {
        body.append("<button type=\"submit\" name=\"action\" value=\"").append(action).append('"')
            .append(noValidate ? " formnovalidate>" : ">").append(text(locale, key)).append("</button>\n");
    }

    private static void otherLanguage(StringBuilder body, Locale locale, String href) {
        body.append("<p><a href=\"").append(escape(href)).append("\" lang=\"")
            .append(Messages.ENGLISH.equals(locale) ? "fa" : "en").append("\">")
            .append(text(locale, "signin.other-language")).append("</a></p>\n");
    }

    /** An error shown on the page: nothing is sent to a redirect URI that is not known to be the client's. */
    static String error(Locale locale, String key) {
        return page(locale, "<h1>" + text(locale, "signin.error.heading") + "</h1>\n<p class=\"error\" role=\"alert\">"
            + text(locale, key) + "</p>\n");
    }

    private static String page(Locale locale, String body) {
        boolean english = Messages.ENGLISH.equals(locale);
        return "<!DOCTYPE html>\n<html lang=\"" + (english ? "en" : "fa") + "\" dir=\"" + (english ? "ltr" : "rtl")
            + "\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            // the gateway's no-referrer would make a browser post the form with "Origin: null", which the CORS
            // filter refuses: same-origin keeps the origin on the form's post and sends nothing elsewhere
            + "<meta name=\"referrer\" content=\"same-origin\">\n<title>"
            + text(locale, "signin.title") + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
            + body + "</main>\n</body>\n</html>\n";
    }

    private static String text(Locale locale, String key) {
        return escape(Messages.get(locale, key));
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String value) {
        try {
            return Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
