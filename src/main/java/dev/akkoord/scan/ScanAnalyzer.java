package dev.akkoord.scan;

import dev.akkoord.classify.Category;
import dev.akkoord.classify.Classification;
import dev.akkoord.classify.Classifier;
import dev.akkoord.classify.CookieFacts;
import dev.akkoord.classify.KnownCookie;
import dev.akkoord.scan.browser.BrowserReport;
import dev.akkoord.scan.crawl.CookieSighting;
import dev.akkoord.scan.crawl.CrawlReport;
import dev.akkoord.scan.crawl.FetchProblem;
import dev.akkoord.scan.crawl.LoadedResource;
import dev.akkoord.scan.crawl.SiteScope;
import dev.akkoord.scan.tracker.TrackerSighting;
import dev.akkoord.scan.tracker.TrackerSignature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a crawl report into scan findings: classifies every observed cookie, infers the cookies that the trackers
 * found on pages write with JavaScript, flags the observed analytical and marketing cookies (the crawler never
 * consents, so they were all set before consent), and lists the hosts a banner must block.
 */
public final class ScanAnalyzer {

    /** Knowledge-base cookies inferred per vendor host at most: a guess should not flood the report. */
    static final int MAX_INFERRED_PER_VENDOR = 12;
    private static final String VENDOR_HOST = "host:";

    private final Classifier classifier;
    private final BrowserAnalysis browserAnalysis;

    public ScanAnalyzer(Classifier classifier) {
        this.classifier = classifier;
        this.browserAnalysis = new BrowserAnalysis(classifier);
    }

    /** A static crawl alone; {@code note} says why there was no browser pass. */
    public ScanFindings analyze(CrawlReport report, String note, Map<String, Category> overrides) {
        return analyze(report, null, note, overrides);
    }

    /**
     * @param browser   what the browser pass saw, or null when there was none
     * @param note      why there was no browser pass (ignored when there was one)
     * @param overrides the site owner's categories by cookie name; they win over everything
     */
    public ScanFindings analyze(CrawlReport report, BrowserReport browser, String note,
            Map<String, Category> overrides) {
        Map<String, ScanCookie> cookies = new LinkedHashMap<>();
        if (browser != null) {
            // What a browser held comes first: it knows who set each cookie and in which journey.
            for (ScanCookie cookie : browserAnalysis.cookies(browser, overrides)) {
                cookies.putIfAbsent(key(cookie.name(), cookie.domain()), cookie);
            }
        }
        for (CookieSighting sighting : report.cookies()) {
            ScanCookie cookie = observed(sighting, overrides);
            cookies.putIfAbsent(key(cookie.name(), cookie.domain()), cookie);
        }
        for (TrackerSighting sighting : report.trackers()) {
            for (TrackerSignature.InferredCookie template : sighting.signature().cookies()) {
                String name = template.nameFor(sighting.accountId());
                if (name == null) {
                    continue; // the name needs the account id, which the page did not show
                }
                String domain = template.domain() != null ? template.domain()
                        : SiteScope.registrableDomain(sighting.page().getHost());
                cookies.putIfAbsent(key(name, domain), inferred(name, domain, sighting, overrides));
            }
        }
        List<ScanTracker> trackers = trackers(report);
        for (ScanTracker tracker : trackers) {
            if (tracker.tracker().startsWith(VENDOR_HOST)) {
                inferFromKnowledgeBase(tracker, cookies, overrides);
            }
        }
        List<ScanCookie> found = List.copyOf(cookies.values());
        if (browser == null) {
            return new ScanFindings(report.origins(), report.pages(), found, trackers, report.problems(),
                    report.pagesQueued(), report.resourcesFetched(), report.deadlineHit(), staticHeadline(found, note),
                    BrowserFindings.staticOnly(note));
        }
        Map<String, Category> vendorHosts = classifier.trackerHosts();
        List<BrowserFindings.HostRequest> requests = BrowserAnalysis.requests(browser,
                host -> vendorCategory(vendorHosts, host), host -> vendorOf(trackers, host));
        addRequestedTrackers(trackers, requests);
        List<FetchProblem> problems = new ArrayList<>(report.problems());
        problems.addAll(browser.problems());
        String summary = "Scanned in " + browser.browser() + ": " + browser.pages().size() + " pages, "
                + browser.visits() + " journeys (no decision, reject, accept, Global Privacy Control).";
        return new ScanFindings(report.origins(), report.pages(), found, trackers, problems, report.pagesQueued(),
                report.resourcesFetched(), report.deadlineHit() || browser.deadlineHit(),
                BrowserAnalysis.headline(found, browser, requests),
                new BrowserFindings(BrowserFindings.BROWSER, summary, browser.pages(), requests));
    }

    private static String staticHeadline(List<ScanCookie> cookies, String note) {
        long violations = cookies.stream().filter(ScanCookie::violation).count();
        return violations + (violations == 1 ? " cookie that needs consent is" : " cookies that need consent are")
                + " set by the site's responses before consent. " + note;
    }

    /** Tracker hosts that only the browser's traffic showed (no signature, no script tag) join the trackers. */
    private static void addRequestedTrackers(List<ScanTracker> trackers, List<BrowserFindings.HostRequest> requests) {
        Set<String> covered = new LinkedHashSet<>();
        trackers.forEach(t -> covered.addAll(t.hosts()));
        for (BrowserFindings.HostRequest r : requests) {
            if (r.category() != null && ScanCookie.needsConsent(Category.fromLabel(r.category()))
                    && covered.add(r.host())) {
                trackers.add(new ScanTracker(VENDOR_HOST + r.host(), r.vendor() != null ? r.vendor() : r.host(),
                        r.category(), null, r.page(), "request", r.example(), List.of(r.host())));
            }
        }
    }

    private static String vendorOf(List<ScanTracker> trackers, String host) {
        for (ScanTracker t : trackers) {
            if (t.hosts().contains(host)) {
                return t.vendor();
            }
        }
        return null;
    }

    /**
     * For a vendor host our catalogue has no signature for, the knowledge base's cookies of that vendor stand in for
     * what its script writes.
     */
    private void inferFromKnowledgeBase(ScanTracker tracker, Map<String, ScanCookie> cookies,
            Map<String, Category> overrides) {
        String host = tracker.hosts().get(0);
        String siteDomain = SiteScope.registrableDomain(java.net.URI.create(tracker.page()).getHost());
        int added = 0;
        for (KnownCookie known : classifier.inferCookies(host)) {
            if (added == MAX_INFERRED_PER_VENDOR) {
                break;
            }
            String name = known.wildcard() ? known.name() + "*" : known.name();
            String domain = known.hosts().isEmpty() ? siteDomain : known.hosts().get(0);
            boolean thirdParty = !SiteScope.registrableDomain(domain).equals(siteDomain);
            Classification c = classifier.classify(new CookieFacts(known.name(), domain, null, null, null, thirdParty,
                    host), overrides);
            String evidence = "Not seen in a response: the knowledge base lists it for " + host + ", loaded as "
                    + tracker.via() + " " + tracker.evidence() + " on " + tracker.page();
            ScanCookie cookie = new ScanCookie(name, domain, ScanCookie.INFERRED, false, "/", null, null, false, false,
                    null, thirdParty, tracker.page(), null, c.category(), c.confidence(), c.source().label(),
                    c.vendor() != null ? c.vendor() : tracker.vendor(), c.purpose(), c.reason(), c.lifetime(), false,
                    evidence, null);
            if (cookies.putIfAbsent(key(name, domain), cookie) == null) {
                added++;
            }
        }
    }

    private ScanCookie observed(CookieSighting s, Map<String, Category> overrides) {
        String setByHost = s.setBy().getHost().toLowerCase(Locale.ROOT);
        boolean fromResource = !s.setBy().getHost().equalsIgnoreCase(s.page().getHost());
        CookieFacts facts = new CookieFacts(s.name(), s.domain(),
                s.lifetimeSeconds() == null ? CookieFacts.SESSION : s.lifetimeSeconds(), s.secure(), s.httpOnly(),
                s.thirdParty(), fromResource ? setByHost : null);
        Classification c = classifier.classify(facts, overrides);
        boolean violation = ScanCookie.violates(ScanCookie.OBSERVED, c.category());
        String evidence = "Set-Cookie in the response of " + s.setBy()
                + (s.setBy().equals(s.page()) ? "" : " while loading " + s.page())
                + (violation ? "; the scanner never consented, so this " + c.category().label()
                        + " cookie is set before consent" : "");
        return new ScanCookie(s.name(), s.domain(), ScanCookie.OBSERVED, s.hostOnly(), s.path(), s.expiresAt(),
                s.lifetimeSeconds(), s.secure(), s.httpOnly(), s.sameSite(), s.thirdParty(), s.page().toString(),
                s.setBy().toString(), c.category(), c.confidence(), c.source().label(), c.vendor(), c.purpose(),
                c.reason(), c.lifetime() != null ? c.lifetime() : LifetimeWords.describe(s.lifetimeSeconds()), violation,
                evidence, null);
    }

    private ScanCookie inferred(String name, String domain, TrackerSighting sighting, Map<String, Category> overrides) {
        TrackerSignature signature = sighting.signature();
        String trackerHost = sighting.host() != null ? sighting.host()
                : signature.hosts().isEmpty() ? null : signature.hosts().get(0);
        boolean thirdParty = !SiteScope.registrableDomain(domain)
                .equals(SiteScope.registrableDomain(sighting.page().getHost()));
        Classification c = classifier.classify(new CookieFacts(stem(name), domain, null, null, null, thirdParty,
                trackerHost), overrides);
        String vendor = c.vendor() != null ? c.vendor() : signature.vendor();
        String evidence = "Not seen in a response: written by " + signature.vendor() + "'s script. "
                + sighting.describe();
        return new ScanCookie(name, domain, ScanCookie.INFERRED, false, "/", null, null, false, false, null,
                thirdParty, sighting.page().toString(), null, c.category(), c.confidence(), c.source().label(), vendor,
                c.purpose(), c.reason(), c.lifetime(), false, evidence, null);
    }

    /** The catalogue's trackers, plus hosts the classifier knows as analytical or marketing vendors. */
    private List<ScanTracker> trackers(CrawlReport report) {
        List<ScanTracker> trackers = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        for (TrackerSighting s : report.trackers()) {
            TrackerSignature signature = s.signature();
            Set<String> hosts = new LinkedHashSet<>(signature.hosts());
            if (s.host() != null) {
                hosts.add(s.host());
            }
            covered.addAll(hosts);
            trackers.add(new ScanTracker(signature.key(), signature.vendor(), signature.category(), s.accountId(),
                    s.page().toString(), s.via(), s.evidence(), List.copyOf(hosts)));
        }
        Map<String, Category> vendorHosts = classifier.trackerHosts();
        for (LoadedResource resource : report.thirdPartyHosts()) {
            if (covered.contains(resource.host())) {
                continue;
            }
            Category category = vendorCategory(vendorHosts, resource.host());
            if (category == Category.ANALYTICAL || category == Category.MARKETING) {
                trackers.add(new ScanTracker(VENDOR_HOST + resource.host(), resource.host(), category.label(), null,
                        resource.page().toString(), resource.kind(), resource.url().toString(),
                        List.of(resource.host())));
            }
        }
        return trackers;
    }

    /** The category of the host or of its nearest parent domain the classifier knows. */
    private static Category vendorCategory(Map<String, Category> vendorHosts, String host) {
        String h = host;
        while (true) {
            Category category = vendorHosts.get(h);
            if (category != null) {
                return category;
            }
            int dot = h.indexOf('.');
            if (dot < 0 || h.indexOf('.', dot + 1) < 0) {
                return null;
            }
            h = h.substring(dot + 1);
        }
    }

    /** {@code _pk_id.1.*} is asked as {@code _pk_id.1.}: the classifier matches wildcard stems by prefix. */
    private static String stem(String name) {
        return name.endsWith("*") ? name.substring(0, name.length() - 1) : name;
    }

    private static String key(String name, String domain) {
        return name + "\n" + domain;
    }
}
