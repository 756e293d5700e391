package dev.akkoord.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akkoord.scan.crawl.CrawlReport;
import dev.akkoord.scan.crawl.FetchProblem;
import dev.akkoord.scan.crawl.PageVisit;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a crawl's report becomes done, partial or failed, and the reason an owner reads. */
class ScanOutcomeTest {

    private static final URI ROBOTS = URI.create("https://shop.example.test/robots.txt");
    private static final URI HOME = URI.create("https://shop.example.test/");
    private static final URI BLOG = URI.create("https://shop.example.test/blog");

    @Test
    void shouldFailWhenNoDomainAnswered() {
        ScanOutcome outcome = ScanOutcome.of(report(List.of(), List.of(), List.of(
                problem(FetchProblem.Kind.CONNECTION, "Connection refused: shop.example.test/203.0.113.9:443")), false), 1);
        assertEquals(ScanStatus.FAILED, outcome.status());
        assertEquals(ScanOutcome.Kind.UNREACHABLE, outcome.kind());
        assertTrue(outcome.reason().startsWith("Shop.example.test could not be reached (Connection refused"),
                outcome.reason());
    }

    @Test
    void shouldNameTheCauseAnOwnerCanFix() {
        assertEquals(ScanOutcome.Kind.TLS, failedBy(new FetchProblem(FetchProblem.Kind.CONNECTION, ROBOTS,
                "TLS failed: PKIX path building failed"),
                problem(FetchProblem.Kind.CONNECTION, "Connection refused")).kind());
        assertEquals(ScanOutcome.Kind.BLOCKED_ADDRESS, failedBy(problem(FetchProblem.Kind.CONNECTION, "refused"),
                problem(FetchProblem.Kind.REFUSED_ADDRESS, "10.0.0.7 is a private address")).kind());
        assertEquals(ScanOutcome.Kind.TIMED_OUT, failedBy(problem(FetchProblem.Kind.TIMEOUT, "no response within 10000 ms"))
                .kind());
        assertEquals(ScanOutcome.Kind.UNREACHABLE, failedBy(problem(FetchProblem.Kind.UNRESOLVABLE, "unknown host"))
                .kind());
        assertEquals(ScanOutcome.Kind.UNREACHABLE, failedBy().kind(), "no problem recorded is still no page");
    }

    @Test
    void shouldFailWhenTheSiteAnsweredButNoPageCouldBeRead() {
        ScanOutcome robots = ScanOutcome.of(report(List.of(HOME), List.of(), List.of(new FetchProblem(
                FetchProblem.Kind.ROBOTS_DISALLOWED, HOME, "robots.txt disallows /")), false), 1);
        assertEquals(ScanOutcome.Kind.ROBOTS, robots.kind());
        ScanOutcome error = ScanOutcome.of(report(List.of(HOME), List.of(page(HOME, 503)), List.of(new FetchProblem(
                FetchProblem.Kind.HTTP_ERROR, HOME, "status 503")), false), 1);
        assertEquals(ScanStatus.FAILED, error.status());
        assertEquals(ScanOutcome.Kind.HTTP_ERROR, error.kind());
        assertTrue(error.reason().contains("status 503"), error.reason());
    }

    @Test
    void shouldBePartialWhenSomePagesOrDomainsOrTimeWereMissing() {
        ScanOutcome pages = ScanOutcome.of(report(List.of(HOME), List.of(page(HOME, 200), page(BLOG, 0)), List.of(),
                false), 1);
        assertEquals(ScanStatus.PARTIAL, pages.status());
        assertEquals(ScanOutcome.Kind.PAGES_FAILED, pages.kind());
        assertTrue(pages.reason().startsWith("1 of 2 pages could not be read (https://shop.example.test/blog: no "
                + "answer)"), pages.reason());

        ScanOutcome domains = ScanOutcome.of(report(List.of(HOME), List.of(page(HOME, 200)), List.of(), false), 2);
        assertEquals(ScanOutcome.Kind.DOMAINS_UNREACHABLE, domains.kind());
        assertTrue(domains.reason().startsWith("1 of the site's 2 domains could not be reached"), domains.reason());

        ScanOutcome time = ScanOutcome.of(report(List.of(HOME), List.of(page(HOME, 200)), List.of(), true), 1);
        assertEquals(ScanOutcome.Kind.TIME_LIMIT, time.kind());
    }

    @Test
    void shouldBeDoneWhenEveryPageWasRead() {
        ScanOutcome outcome = ScanOutcome.of(report(List.of(HOME), List.of(page(HOME, 200), page(BLOG, 204)),
                List.of(new FetchProblem(FetchProblem.Kind.HTTP_ERROR, URI.create("https://cdn.example.test/a.js"),
                        "status 404")), false), 1);
        assertEquals(ScanStatus.DONE, outcome.status(), "a broken script is no unread page");
        assertNull(outcome.kind());
        assertNull(outcome.reason());
    }

    private static ScanOutcome failedBy(FetchProblem... problems) {
        ScanOutcome outcome = ScanOutcome.of(report(List.of(), List.of(), List.of(problems), false), 1);
        assertEquals(ScanStatus.FAILED, outcome.status());
        return outcome;
    }

    private static FetchProblem problem(FetchProblem.Kind kind, String detail) {
        return new FetchProblem(kind, ROBOTS, detail);
    }

    private static PageVisit page(URI url, int status) {
        return new PageVisit(url, url, 0, status, "text/html", status == 200);
    }

    private static CrawlReport report(List<URI> origins, List<PageVisit> pages, List<FetchProblem> problems,
            boolean deadlineHit) {
        return new CrawlReport(origins, pages, List.of(), List.of(), problems, 3, 0, List.of(), deadlineHit, Map.of());
    }
}
