package dev.akkoord.scan.browser;

import dev.akkoord.scan.crawl.FetchProblem;
import dev.akkoord.scan.crawl.SiteScope;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Folds the visits of one scan into its report: one entry per page, per cookie, per outside host and phase. */
final class ReportBuilder {

    private static final class PageEntry {
        URI finalUrl;
        int status;
        Boolean banner;
        String problem;
        final List<Journey> journeys = new ArrayList<>();
        final Set<String> local = new LinkedHashSet<>();
        final Set<String> session = new LinkedHashSet<>();
        final Set<String> indexedDb = new LinkedHashSet<>();
        final Set<String> outsideHosts = new LinkedHashSet<>();
    }

    private static final class CookieEntry {
        Visit.Cookie first;
        URI firstPage;
        Setter setter = Setter.UNKNOWN;
        final Set<Journey> journeys = EnumSet.noneOf(Journey.class);
        final Set<Phase> phases = EnumSet.noneOf(Phase.class);
        final Set<URI> pages = new HashSet<>();
        final Set<URI> pagesWithoutConsent = new HashSet<>();
    }

    private static final class HostEntry {
        URI example;
        URI page;
        int count;
        final Set<URI> pages = new HashSet<>();
    }

    private final SiteScope scope;
    private final Map<URI, PageEntry> pages = new LinkedHashMap<>();
    private final Map<String, CookieEntry> cookies = new LinkedHashMap<>();
    private final Map<String, HostEntry> hosts = new LinkedHashMap<>();
    private final Set<String> platformHosts = new HashSet<>();
    private final List<FetchProblem> problems = new ArrayList<>();
    private int visits;

    ReportBuilder(SiteScope scope) {
        this.scope = scope;
    }

    synchronized void add(Visit visit) {
        visits++;
        PageEntry page = pages.computeIfAbsent(visit.page(), url -> new PageEntry());
        page.journeys.add(visit.journey());
        if (visit.problem() != null) {
            if (page.finalUrl == null) {
                page.problem = visit.problem();
            }
            problems.add(new FetchProblem(FetchProblem.Kind.CONNECTION, visit.page(), "browser, "
                    + visit.journey().label() + ": " + visit.problem()));
            return;
        }
        page.problem = null;
        if (page.finalUrl == null || visit.journey() == Journey.NO_DECISION) {
            page.finalUrl = visit.finalUrl();
            page.status = visit.status();
            page.banner = visit.banner();
        }
        page.local.addAll(visit.storage().local());
        page.session.addAll(visit.storage().session());
        page.indexedDb.addAll(visit.storage().indexedDb());
        for (Visit.Cookie cookie : visit.cookies()) {
            addCookie(visit, cookie);
        }
        for (Visit.Request request : visit.requests()) {
            if (isPlatform(request.url())) {
                platformHosts.add(host(request.url()));
            }
        }
        for (Visit.Request request : visit.requests()) {
            String host = host(request.url());
            if (!scope.isSiteHost(host)) {
                if (request.phase().withoutConsent()) {
                    page.outsideHosts.add(host);
                }
                HostEntry entry = hosts.computeIfAbsent(host + "\n" + request.phase().name(), k -> new HostEntry());
                if (entry.example == null) {
                    entry.example = request.url();
                    entry.page = visit.page();
                }
                entry.count++;
                entry.pages.add(visit.page());
            }
        }
    }

    private void addCookie(Visit visit, Visit.Cookie cookie) {
        CookieEntry entry = cookies.computeIfAbsent(cookie.key(), k -> new CookieEntry());
        // The plainest sighting describes the cookie: a visit without decision, else the first one.
        if (entry.first == null || visit.journey() == Journey.NO_DECISION && !entry.journeys.contains(Journey.NO_DECISION)) {
            entry.first = cookie;
            entry.firstPage = visit.page();
        }
        if (entry.setter == Setter.UNKNOWN && cookie.setter() != Setter.UNKNOWN) {
            entry.setter = cookie.setter();
        }
        entry.journeys.add(visit.journey());
        entry.phases.add(cookie.phase());
        if (cookie.writtenAfter() != null) {
            entry.phases.add(cookie.writtenAfter());
        }
        entry.pages.add(visit.page());
        if (cookie.phase().withoutConsent() || cookie.writtenAfter() != null && cookie.writtenAfter().withoutConsent()) {
            entry.pagesWithoutConsent.add(visit.page());
        }
    }

    synchronized void problem(FetchProblem problem) {
        problems.add(problem);
    }

    synchronized BrowserReport build(String browser, boolean deadlineHit) {
        List<BrowserReport.Page> pageList = new ArrayList<>();
        pages.forEach((url, p) -> pageList.add(new BrowserReport.Page(url, p.finalUrl == null ? url : p.finalUrl,
                p.status, p.banner, p.journeys.stream().sorted().toList(), List.copyOf(p.local), List.copyOf(p.session),
                List.copyOf(p.indexedDb), p.problem,
                p.outsideHosts.stream().filter(host -> !platformHosts.contains(host)).toList())));
        List<BrowserReport.Cookie> cookieList = new ArrayList<>();
        for (CookieEntry e : cookies.values()) {
            Visit.Cookie c = e.first;
            cookieList.add(new BrowserReport.Cookie(c.name(), c.domain(), c.hostOnly(), c.path(), c.expiresAt(),
                    c.lifetimeSeconds(), c.secure(), c.httpOnly(), c.sameSite(), c.partitioned(), c.size(),
                    c.valueLength(), c.valueShape(), e.firstPage, e.setter, e.journeys, e.phases, e.pages.size(),
                    e.pagesWithoutConsent));
        }
        List<BrowserReport.HostRequest> requests = new ArrayList<>();
        hosts.forEach((key, h) -> {
            String host = key.substring(0, key.indexOf('\n'));
            if (!platformHosts.contains(host)) {
                requests.add(new BrowserReport.HostRequest(host, Phase.valueOf(key.substring(key.indexOf('\n') + 1)),
                        h.example, h.page, h.count, h.pages.size()));
            }
        });
        return new BrowserReport(browser, pageList, cookieList, requests, problems, visits, deadlineHit);
    }

    /** Akkoord's own requests (its script, config, consent records) are not a tracker of the site. */
    private static boolean isPlatform(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return path.equals("/akkoord.js") || path.startsWith("/akkoord/") || path.startsWith("/akkoord-")
                || path.startsWith("/api/v1/consents") || path.matches("/api/v1/sites/[^/]+/banner");
    }

    private static String host(URI url) {
        return url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    }
}
