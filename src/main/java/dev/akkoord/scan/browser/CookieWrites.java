package dev.akkoord.scan.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cookie writes seen during one journey, from Set-Cookie headers and from the {@code document.cookie} hook, and
 * the answer to "who set this cookie" for each cookie the browser holds at the end.
 */
final class CookieWrites {

    /** The first http(s) location in a V8 stack trace: the innermost page script (the hook itself has no URL). */
    private static final Pattern STACK_URL = Pattern.compile("(https?://[^\\s()]+?)(?::\\d+){1,2}\\)?(?:\\s|$)");

    /** @param order when it happened, among all writes of the journey */
    private record Write(long order, String name, String domain, Setter setter) {
    }

    private final List<Write> writes = new ArrayList<>();

    /** A Set-Cookie header line of the response at {@code url}. */
    synchronized void http(long order, String setCookie, URI url) {
        String name = nameOf(setCookie);
        if (name != null && !deletes(setCookie)) {
            writes.add(new Write(order, name, domainAttribute(setCookie), new Setter(Setter.HTTP, url)));
        }
    }

    /**
     * A script write: {@code cookie} is the written string without its value ("name; path=/; domain=…"), {@code
     * stack} the writer's stack trace, {@code page} the document it was written in (for inline scripts), {@code
     * consentCategory} the {@code data-category} of the script element running, if any.
     */
    synchronized void script(long order, String cookie, String stack, URI page, String consentCategory) {
        String name = nameOf(cookie);
        if (name == null || deletes(cookie)) {
            return;
        }
        URI script = scriptOf(stack);
        writes.add(new Write(order, name, domainAttribute(cookie),
                new Setter(Setter.SCRIPT, script != null ? script : page, consentCategory)));
    }

    /** The first write of this cookie; by name alone when no write names its domain. */
    synchronized Setter setterOf(String name, String cookieDomain) {
        Write first = null;
        Write firstByName = null;
        for (Write write : writes) {
            if (!write.name.equals(name)) {
                continue;
            }
            if (matches(write, cookieDomain) && (first == null || write.order < first.order)) {
                first = write;
            }
            if (firstByName == null || write.order < firstByName.order) {
                firstByName = write;
            }
        }
        Write chosen = first != null ? first : firstByName;
        return chosen == null ? Setter.UNKNOWN : chosen.setter;
    }

    /** Whether the cookie was written after {@code order} (by name, and by domain where the write names one). */
    synchronized boolean writtenAfter(long order, String name, String cookieDomain) {
        for (Write write : writes) {
            if (write.order > order && write.name.equals(name)
                    && (write.domain == null || strip(write.domain).equals(strip(cookieDomain)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Write write, String cookieDomain) {
        String cookie = strip(cookieDomain);
        if (write.domain != null) {
            return strip(write.domain).equals(cookie);
        }
        String host = write.setter.url() == null ? null : write.setter.url().getHost();
        return host != null && host.equalsIgnoreCase(cookie);
    }

    static URI scriptOf(String stack) {
        if (stack == null) {
            return null;
        }
        Matcher m = STACK_URL.matcher(stack);
        while (m.find()) {
            try {
                return URI.create(m.group(1));
            } catch (IllegalArgumentException e) {
                // not a URL we can keep; look further down the stack
            }
        }
        return null;
    }

    static String nameOf(String cookie) {
        int semicolon = cookie.indexOf(';');
        String pair = semicolon < 0 ? cookie : cookie.substring(0, semicolon);
        int eq = pair.indexOf('=');
        String name = (eq < 0 ? pair : pair.substring(0, eq)).strip();
        return name.isEmpty() ? null : name;
    }

    private static String domainAttribute(String cookie) {
        for (String attribute : attributes(cookie)) {
            if (attribute.toLowerCase(Locale.ROOT).startsWith("domain=")) {
                String value = attribute.substring(7).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** A write with Max-Age ≤ 0 or an Expires in the past removes the cookie: it sets nothing. */
    private static boolean deletes(String cookie) {
        for (String attribute : attributes(cookie)) {
            String a = attribute.toLowerCase(Locale.ROOT);
            if (a.startsWith("max-age=")) {
                try {
                    return Long.parseLong(a.substring(8).strip()) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            if (a.startsWith("expires=") && a.contains("1970")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> attributes(String cookie) {
        String[] parts = cookie.split(";");
        List<String> attributes = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            attributes.add(parts[i].strip());
        }
        return attributes;
    }

    private static String strip(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return d.startsWith(".") ? d.substring(1) : d;
    }
}
