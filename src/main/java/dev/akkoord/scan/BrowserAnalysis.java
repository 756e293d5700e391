package dev.akkoord.scan;

import dev.akkoord.classify.Category;
import dev.akkoord.classify.Classification;
import dev.akkoord.classify.Classifier;
import dev.akkoord.classify.CookieFacts;
import dev.akkoord.classify.Source;
import dev.akkoord.scan.browser.BrowserReport;
import dev.akkoord.scan.browser.Journey;
import dev.akkoord.scan.browser.Setter;
import dev.akkoord.scan.crawl.SiteScope;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Classifies what the browser saw: each cookie with its setter as evidence (a script from a vendor's host takes that
 * vendor; a script whose other cookies are known consent cookies lends them its category), requests to tracker hosts
 * per phase, and the sentence an owner reads first.
 */
final class BrowserAnalysis {

    private final Classifier classifier;

    BrowserAnalysis(Classifier classifier) {
        this.classifier = classifier;
    }

    List<ScanCookie> cookies(BrowserReport report, Map<String, Category> overrides) {
        List<ScanCookie> cookies = new ArrayList<>();
        for (BrowserReport.Cookie cookie : report.cookies()) {
            cookies.add(classify(cookie, overrides));
        }
        return bySiblings(cookies);
    }

    private ScanCookie classify(BrowserReport.Cookie c, Map<String, Category> overrides) {
        String pageHost = c.firstPage().getHost();
        boolean thirdParty = !SiteScope.registrableDomain(c.domain()).equals(SiteScope.registrableDomain(pageHost));
        URI setterUrl = c.setter().url();
        String setterHost = setterUrl == null ? null : setterUrl.getHost().toLowerCase(Locale.ROOT);
        // A cookie written by a script or response from another host is evidence for that host's vendor.
        String trackerHost = setterHost != null && !setterHost.equalsIgnoreCase(pageHost) ? setterHost : null;
        // The value's shape and the setter's full URL (a self-hosted /js/posthog.js names its vendor too) are evidence.
        Classification k = classifier.classify(new CookieFacts(c.name(), c.domain(),
                c.lifetimeSeconds() == null ? CookieFacts.SESSION : c.lifetimeSeconds(), c.secure(), c.httpOnly(),
                thirdParty, trackerHost).withSetter(c.valueShape(), setterUrl == null ? null : setterUrl.toString())
                .withScriptWritten(scriptWritten(c.setter())), overrides);
        ScanCookie.Seen seen = new ScanCookie.Seen(c.setter().kind(),
                c.journeys().stream().sorted().map(Journey::label).toList(), c.setBeforeConsent(),
                c.setAfterReject(), c.setUnderGpc(), c.onlyAfterAccept(), c.partitioned(), c.size(), c.valueLength(),
                c.valueShape(), c.pages(), c.pagesWithoutConsent().size());
        Category gated = gatedCategory(c.setter().consentCategory());
        if (ScanCookie.needsConsent(gated) && k.source() != Source.OVERRIDE && k.category() != gated) {
            // The site itself holds this script back until the category is granted: its cookies are of that category
            // (otherwise a withdrawal would not delete them), whatever a name or a model suggests. What the knowledge
            // base or the vendor says the cookie does stays true; a name rule's words were for the category it guessed.
            boolean documented = k.source() == Source.DATABASE || k.source() == Source.VENDOR;
            k = new Classification(gated, 0.95, Source.RULE, k.vendor(), documented ? k.purpose() : null,
                    k.lifetime(), "Written by " + setterUrl
                            + ", a script the page holds back until " + gated.label() + " cookies are allowed");
        }
        boolean violation = seen.withoutConsent() && ScanCookie.needsConsent(k.category());
        return new ScanCookie(c.name(), c.domain(), ScanCookie.OBSERVED, c.hostOnly(), c.path(), c.expiresAt(),
                c.lifetimeSeconds(), c.secure(), c.httpOnly(), c.sameSite(), thirdParty, c.firstPage().toString(),
                setterUrl == null ? null : setterUrl.toString(), k.category(), k.confidence(), k.source().label(),
                k.vendor(), k.purpose(), k.reason(),
                k.lifetime() != null ? k.lifetime() : LifetimeWords.describe(c.lifetimeSeconds()), violation,
                evidence(c, k.category()), seen);
    }

    private static Boolean scriptWritten(Setter setter) {
        return switch (setter.kind()) {
            case Setter.SCRIPT -> true;
            case Setter.HTTP -> false;
            default -> null;
        };
    }

    /** The category a page's consent tag names, when it is one that needs consent. */
    private static Category gatedCategory(String label) {
        for (Category category : List.of(Category.ANALYTICAL, Category.MARKETING)) {
            if (category.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
                return category;
            }
        }
        return null;
    }

    private static String evidence(BrowserReport.Cookie c, Category category) {
        StringBuilder s = new StringBuilder(capitalised(c.setter().describe()));
        s.append(" on ").append(c.firstPage());
        List<String> when = new ArrayList<>();
        if (c.setBeforeConsent()) {
            when.add("before any decision");
        }
        if (c.setAfterReject()) {
            when.add("after \u201cReject all\u201d");
        }
        if (c.setUnderGpc()) {
            when.add("with Global Privacy Control on");
        }
        if (c.onlyAfterAccept()) {
            when.add("only after \u201cAccept all\u201d");
        }
        if (!when.isEmpty()) {
            s.append("; set ").append(String.join(", ", when));
        }
        if (ScanCookie.needsConsent(category) && !c.pagesWithoutConsent().isEmpty()) {
            s.append(": this ").append(category.label()).append(" cookie is set without consent on ")
                    .append(c.pagesWithoutConsent().size()).append(c.pagesWithoutConsent().size() == 1 ? " page" : " pages");
        }
        return s.append('.').toString();
    }

    /**
     * A script that writes a known analytical or marketing cookie is that vendor's script: its other cookies, when
     * the classifier had only a guess or nothing for them, take the same category and vendor. Never towards
     * functional: a guess must not release a cookie.
     */
    private static List<ScanCookie> bySiblings(List<ScanCookie> cookies) {
        Map<String, ScanCookie> knownByScript = new HashMap<>();
        for (ScanCookie c : cookies) {
            if (isScript(c) && ScanCookie.needsConsent(c.category()) && strong(c.source())) {
                knownByScript.merge(c.setBy(), c, (a, b) -> a.confidence() >= b.confidence() ? a : b);
            }
        }
        List<ScanCookie> result = new ArrayList<>(cookies.size());
        for (ScanCookie c : cookies) {
            ScanCookie sibling = isScript(c) ? knownByScript.get(c.setBy()) : null;
            if (sibling != null && weak(c)) {
                // No purpose for visitors: a weak layer's words (a functional name rule's) no longer fit the category.
                result.add(c.reclassified(sibling.category(), Math.min(0.9, sibling.confidence()), "script",
                        sibling.vendor(), null, "Written by " + c.setBy() + ", the script that also writes "
                                + sibling.name() + " (" + sibling.category().label()
                                + (sibling.vendor() == null ? "" : ", " + sibling.vendor()) + ")"));
            } else {
                result.add(c);
            }
        }
        return result;
    }

    /** Nothing, the model's guess, or a name rule's "functional": not enough to stand against a vendor's script. */
    private static boolean weak(ScanCookie c) {
        return c.category() == Category.UNCLASSIFIED || Source.MODEL.label().equals(c.source())
                || Source.RULE.label().equals(c.source()) && c.category() == Category.FUNCTIONAL;
    }

    private static boolean isScript(ScanCookie c) {
        return c.seen() != null && Setter.SCRIPT.equals(c.seen().setter()) && c.setBy() != null
                && !c.setBy().equals(c.firstPage()); // an inline script is the page, not one vendor
    }

    private static boolean strong(String source) {
        return Source.DATABASE.label().equals(source) || Source.VENDOR.label().equals(source)
                || Source.OVERRIDE.label().equals(source);
    }

    /** Outside hosts per phase, with the category of those the classifier knows as vendors or trackers. */
    static List<BrowserFindings.HostRequest> requests(BrowserReport report,
            Function<String, Category> categoryOfHost, Function<String, String> vendorOfHost) {
        List<BrowserFindings.HostRequest> requests = new ArrayList<>();
        for (BrowserReport.HostRequest r : report.requests()) {
            Category category = categoryOfHost.apply(r.host());
            boolean tracker = ScanCookie.needsConsent(category);
            requests.add(new BrowserFindings.HostRequest(r.host(), r.phase().label(), r.example().toString(),
                    r.page().toString(), r.count(), r.pages(), category == null ? null : category.label(),
                    vendorOfHost.apply(r.host()), tracker && r.phase().withoutConsent()));
        }
        return requests;
    }

    /**
     * "3 analytical cookies are set before consent on 5 of 5 pages, by /lib/amp.js and /js/ab.js." and what else
     * went against the visitor's choice.
     */
    static String headline(List<ScanCookie> cookies, BrowserReport report, List<BrowserFindings.HostRequest> requests) {
        long visited = report.pages().stream().filter(p -> p.problem() == null).count();
        List<String> sentences = new ArrayList<>();
        List<ScanCookie> before = cookies.stream().filter(c -> c.violation() && c.seen() != null
                && (c.seen().setBeforeConsent() || c.seen().setUnderGpc())).toList();
        if (before.isEmpty()) {
            sentences.add("No cookie that needs consent is set before consent on the " + visited
                    + (visited == 1 ? " page" : " pages") + " visited in a browser.");
        } else {
            Set<URI> pages = new LinkedHashSet<>();
            for (BrowserReport.Cookie c : report.cookies()) {
                if (before.stream().anyMatch(v -> v.name().equals(c.name()) && v.domain().equals(c.domain()))) {
                    pages.addAll(c.pagesWithoutConsent());
                }
            }
            sentences.add(countByCategory(before) + (before.size() == 1 ? " is" : " are") + " set before consent on "
                    + pages.size() + " of " + visited + " pages, by " + setters(before) + ".");
        }
        List<ScanCookie> afterReject = cookies.stream().filter(c -> c.violation() && c.seen() != null
                && c.seen().setAfterReject()).toList();
        if (!afterReject.isEmpty()) {
            sentences.add(countByCategory(afterReject) + (afterReject.size() == 1 ? " is" : " are")
                    + " set even after \u201cReject all\u201d, by " + setters(afterReject) + ".");
        }
        Set<String> trackerHosts = new LinkedHashSet<>();
        requests.stream().filter(BrowserFindings.HostRequest::violation).forEach(r -> trackerHosts.add(r.host()));
        if (!trackerHosts.isEmpty()) {
            sentences.add(trackerHosts.size() + (trackerHosts.size() == 1 ? " tracker host is" : " tracker hosts are")
                    + " contacted without consent: " + list(List.copyOf(trackerHosts)) + ".");
        }
        long missing = report.pages().stream().filter(p -> Boolean.FALSE.equals(p.banner())).count();
        if (missing > 0) {
            sentences.add("The banner did not show on " + missing + " of " + visited + " pages.");
        }
        return String.join(" ", sentences);
    }

    private static String countByCategory(List<ScanCookie> cookies) {
        long analytical = cookies.stream().filter(c -> c.category() == Category.ANALYTICAL).count();
        long marketing = cookies.size() - analytical;
        List<String> parts = new ArrayList<>();
        if (analytical > 0) {
            parts.add(analytical + " analytical");
        }
        if (marketing > 0) {
            parts.add(marketing + " marketing");
        }
        return String.join(" and ", parts) + (cookies.size() == 1 ? " cookie" : " cookies");
    }

    /** The setters by how many of the cookies each set, shortest form first: a path on the site, else the URL. */
    private static String setters(List<ScanCookie> cookies) {
        Map<String, Integer> counts = new HashMap<>();
        for (ScanCookie c : cookies) {
            counts.merge(c.setBy() == null ? "an unseen writer" : shortForm(c), 1, Integer::sum);
        }
        List<String> ordered = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        return list(ordered);
    }

    private static String shortForm(ScanCookie c) {
        URI setter = URI.create(c.setBy());
        URI page = URI.create(c.firstPage());
        String where = setter.getRawPath() == null || setter.getRawPath().isEmpty() ? "/" : setter.getRawPath();
        if (setter.equals(page)) {
            return "an inline script on " + where;
        }
        return setter.getHost() != null && setter.getHost().equalsIgnoreCase(page.getHost()) ? where
                : setter.getHost() + where;
    }

    private static String list(List<String> items) {
        if (items.size() <= 3) {
            return items.size() <= 1 ? String.join("", items)
                    : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
        }
        return String.join(", ", items.subList(0, 3)) + " and " + (items.size() - 3) + " more";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
