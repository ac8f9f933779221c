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
        + "button{margin-top:1.2rem;padding:.5rem 1rem}.error{color:#a4002a}";

    /** The page's policy: nothing but its own inline style; the form posts back to the page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(STYLE)
        + "'; frame-ancestors 'none'; base-uri 'none'";

    private SignInPage() {
    }

    /** The form; {@code hidden} are the authorization request's parameters, carried to the POST. */
    static String form(Locale locale, String clientName, Map<String, String> hidden, String csrf, String error,
            String otherLanguageHref) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(text(locale, "signin.heading")).append("</h1>\n");
        body.append("<p>").append(escape(Messages.get(locale, "signin.client", clientName))).append("</p>\n");
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(text(locale, error)).append("</p>\n");
        }
        body.append("<form method=\"post\" action=\"/oauth2/authorize\">\n");
        hidden.forEach((name, value) -> {
            if (value != null) {
                body.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"")
                    .append(escape(value)).append("\">\n");
            }
        });
        body.append("<input type=\"hidden\" name=\"csrf_token\" value=\"").append(escape(csrf)).append("\">\n");
        body.append("<label for=\"username\">").append(text(locale, "signin.username")).append("</label>\n");
        body.append("<input id=\"username\" name=\"username\" autocomplete=\"username\" dir=\"ltr\" required>\n");
        body.append("<label for=\"password\">").append(text(locale, "signin.password")).append("</label>\n");
        body.append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" "
            + "dir=\"ltr\" required>\n");
        body.append("<button type=\"submit\" name=\"action\" value=\"sign-in\">").append(text(locale, "signin.submit"))
            .append("</button>\n");
        body.append("<button type=\"submit\" name=\"action\" value=\"cancel\" formnovalidate>")
            .append(text(locale, "signin.cancel")).append("</button>\n");
        body.append("</form>\n");
        body.append("<p><a href=\"").append(escape(otherLanguageHref)).append("\" lang=\"")
            .append(Messages.ENGLISH.equals(locale) ? "fa" : "en").append("\">")
            .append(text(locale, "signin.other-language")).append("</a></p>\n");
        return page(locale, body.toString());
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
