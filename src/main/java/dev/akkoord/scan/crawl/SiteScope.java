package dev.akkoord.scan.crawl;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What belongs to the scanned site. Pages are crawled only on the site's own hosts (each domain and its {@code www.}
 * twin, every subdomain for {@code *.example.com}, on the domain's port); "the site" for cookies and third-party
 * fetching is wider: every host under the same
 * registrable domain, decided with the public suffix list (so {@code a.github.io} and {@code b.github.io} are
 * different sites, and {@code shop.example.co.uk} belongs to {@code example.co.uk}).
 */
public final class SiteScope {

    /**
     * A site domain as configured: a host, a port when one was given ({@code -1} otherwise), and whether it stands
     * for every subdomain too ({@code *.example.com}).
     */
    public record Domain(String host, int port, boolean wildcard) {
        boolean hasPort() {
            return port > 0;
        }

        String authority() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return hasPort() ? h + ":" + port : h;
        }
    }

    private final List<Domain> domains;
    private final Set<String> registrable = new HashSet<>();

    public SiteScope(List<String> siteDomains) {
        List<Domain> parsed = new ArrayList<>();
        for (String text : siteDomains) {
            Domain domain = parseDomain(text);
            if (!parsed.contains(domain)) {
                parsed.add(domain);
            }
            registrable.add(registrableDomain(domain.host()));
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("a site needs at least one domain");
        }
        this.domains = List.copyOf(parsed);
    }

    public List<Domain> domains() {
        return domains;
    }

    /**
     * Parses {@code example.com}, {@code *.example.com}, {@code example.com:8443}, {@code 127.0.0.1:8181} or
     * {@code [::1]:8080}; an address in any spelling browsers accept is kept in its usual form.
     */
    static Domain parseDomain(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        boolean wildcard = t.startsWith("*.");
        if (wildcard) {
            t = t.substring(2);
        }
        int scheme = t.indexOf("://");
        if (scheme >= 0) {
            t = t.substring(scheme + 3);
        }
        int slash = t.indexOf('/');
        if (slash >= 0) {
            t = t.substring(0, slash);
        }
        URI uri;
        try {
            uri = new URI("http://" + t + "/");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a domain: " + text);
        }
        // read as browsers read it, so that 0177.0.0.1 and 127.1 are the site's 127.0.0.1, and 1.2.3.4.5 no domain
        Urls.Authority authority = Urls.authority(uri);
        if (authority == null) {
            throw new IllegalArgumentException("not a domain: " + text);
        }
        return new Domain(AddressPolicy.normalizeHost(authority.host()), authority.port(), wildcard);
    }

    /** Whether the URL is a page of the site: one of its hosts, on the right port. */
    public boolean isPage(URI url) {
        String host = AddressPolicy.normalizeHost(url.getHost());
        int port = Urls.port(url);
        for (Domain domain : domains) {
            boolean hostMatches = host.equals(domain.host()) || host.equals("www." + domain.host())
                    || ("www." + host).equals(domain.host()) || domain.wildcard() && host.endsWith("." + domain.host());
            boolean portMatches = domain.hasPort() ? port == domain.port() : port == Urls.defaultPort(url.getScheme());
            if (hostMatches && portMatches) {
                return true;
            }
        }
        return false;
    }

    /** The page a link leads to, in the crawler's canonical form, or null when it is not an HTML page of the site. */
    public URI pageOf(String link) {
        URI url = Urls.canonical(link);
        return url != null && isPage(url) && Urls.looksLikePage(url) ? url : null;
    }

    /** Whether the host belongs to the site (same registrable domain as one of its domains). */
    public boolean isSiteHost(String host) {
        return registrable.contains(registrableDomain(AddressPolicy.normalizeHost(host)));
    }

    /** The registrable domain (eTLD+1) of a host; addresses, single labels and unknown suffixes stand for themselves. */
    public static String registrableDomain(String host) {
        String h = AddressPolicy.normalizeHost(host);
        if (InetAddresses.isInetAddress(h) || !InternetDomainName.isValid(h)) {
            return h;
        }
        InternetDomainName name = InternetDomainName.from(h);
        if (name.isUnderPublicSuffix()) {
            return name.topPrivateDomain().toString();
        }
        if (name.isPublicSuffix() || name.parts().size() < 2) {
            return h;
        }
        // The list's default rule: a top-level label it does not name (.test, .internal) is a suffix of its own.
        List<String> parts = name.parts();
        return parts.get(parts.size() - 2) + "." + parts.get(parts.size() - 1);
    }

    /** Whether the cookie domain may be set by this host: RFC 6265 domain matching, no public suffixes. */
    static boolean mayHostSet(String requestHost, String cookieDomain) {
        String host = AddressPolicy.normalizeHost(requestHost);
        if (host.equals(cookieDomain)) {
            return true;
        }
        if (InetAddresses.isInetAddress(host) || !host.endsWith("." + cookieDomain)) {
            return false;
        }
        return !InternetDomainName.isValid(cookieDomain) || !InternetDomainName.from(cookieDomain).isPublicSuffix();
    }
}
