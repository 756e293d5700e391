package dev.akkoord.scan;

import dev.akkoord.scan.crawl.CrawlReport;
import dev.akkoord.scan.crawl.FetchProblem;
import dev.akkoord.scan.crawl.PageVisit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How a scan ended, judged from what the crawl could read, so that an unreachable site never looks like a clean one:
 * {@code failed} when not one page of the site could be read (its cookie list would be empty for the wrong reason, so
 * the last good one stays current), {@code partial} when some pages or domains could not be read (what was read
 * stands), {@code done} otherwise.
 *
 * @param status  done, partial or failed
 * @param kind    why, as a stable word (null when done)
 * @param reason  why, for the site owner (null when done)
 */
public record ScanOutcome(ScanStatus status, Kind kind, String reason) {

    /** Why a scan failed or is partial. Stored and shown by its {@link #code()}. */
    public enum Kind {
        UNREACHABLE, TLS, ROBOTS, BLOCKED_ADDRESS, TIMED_OUT, HTTP_ERROR, UNSCANNABLE_DOMAIN, SITE_GONE, GAVE_UP,
        PAGES_FAILED, DOMAINS_UNREACHABLE, TIME_LIMIT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final ScanOutcome DONE = new ScanOutcome(ScanStatus.DONE, null, null);

    public static ScanOutcome failed(Kind kind, String reason) {
        return new ScanOutcome(ScanStatus.FAILED, kind, reason);
    }

    public boolean isFailed() {
        return status == ScanStatus.FAILED;
    }

    /** Judges a crawl of the given number of site domains. */
    static ScanOutcome of(CrawlReport report, int domains) {
        List<PageVisit> read = report.pages().stream().filter(ScanOutcome::wasRead).toList();
        if (read.isEmpty()) {
            return report.origins().isEmpty() ? noOrigin(report.problems()) : noPage(report);
        }
        List<String> gaps = new ArrayList<>();
        Kind first = null;
        int unread = report.pages().size() - read.size();
        if (unread > 0) {
            first = Kind.PAGES_FAILED;
            gaps.add(unread + " of " + report.pages().size() + " pages could not be read ("
                    + firstDetail(report.pages()) + ")");
        }
        if (report.origins().size() < domains) {
            first = first == null ? Kind.DOMAINS_UNREACHABLE : first;
            gaps.add((domains - report.origins().size()) + " of the site's " + domains + " domains could not be reached");
        }
        if (report.deadlineHit()) {
            first = first == null ? Kind.TIME_LIMIT : first;
            gaps.add("the scan reached its time limit with " + report.pagesQueued() + " pages found but not read");
        }
        if (first == null) {
            return DONE;
        }
        return new ScanOutcome(ScanStatus.PARTIAL, first, capitalised(String.join("; ", gaps))
                + ". The cookies listed are those of the pages that were read.");
    }

    private static boolean wasRead(PageVisit page) {
        return page.status() >= 200 && page.status() < 300;
    }

    private static String firstDetail(List<PageVisit> pages) {
        return pages.stream().filter(page -> !wasRead(page)).findFirst()
                .map(page -> page.url() + (page.status() == 0 ? ": no answer" : ": status " + page.status()))
                .orElse("");
    }

    /** Not one domain answered: the reasons are in the problems of the robots.txt requests that opened each. */
    private static ScanOutcome noOrigin(List<FetchProblem> problems) {
        Optional<FetchProblem> blocked = find(problems, p -> p.kind() == FetchProblem.Kind.REFUSED_ADDRESS);
        if (blocked.isPresent()) {
            return failed(Kind.BLOCKED_ADDRESS, "The scanner does not visit " + host(blocked.get()) + ": " + blocked.get()
                    .detail() + ". Private, loopback and reserved addresses are refused unless the operator allows "
                    + "them (akkoord.scan.allow-hosts).");
        }
        Optional<FetchProblem> tls = find(problems, FetchProblem::tls);
        if (tls.isPresent()) {
            return failed(Kind.TLS, "The secure connection to " + host(tls.get()) + " failed (" + tls.get().detail()
                    + "), and the site does not answer over plain http either. Check its certificate.");
        }
        Optional<FetchProblem> timeout = find(problems, p -> p.kind() == FetchProblem.Kind.TIMEOUT);
        if (timeout.isPresent()) {
            return failed(Kind.TIMED_OUT, capitalised(host(timeout.get())) + " did not answer in time (" + timeout.get().detail()
                    + ").");
        }
        Optional<FetchProblem> any = problems.stream().findFirst();
        return failed(Kind.UNREACHABLE, any.map(p -> capitalised(host(p)) + " could not be reached (" + p.detail()
                + ")").orElse("The site could not be reached") + ". Check that the site is online and its domains are "
                + "spelled right.");
    }

    /** A domain answered, yet no page could be read. */
    private static ScanOutcome noPage(CrawlReport report) {
        List<FetchProblem> problems = report.problems();
        Optional<FetchProblem> robots = find(problems, p -> p.kind() == FetchProblem.Kind.ROBOTS_UNAVAILABLE
                || p.kind() == FetchProblem.Kind.ROBOTS_DISALLOWED);
        if (robots.isPresent()) {
            return failed(Kind.ROBOTS, "robots.txt keeps the scanner out (" + robots.get().detail() + "). Allow the "
                    + "user agent Akkoord, or scan a copy of the site that allows it.");
        }
        Optional<PageVisit> error = report.pages().stream().filter(page -> page.status() >= 300).findFirst();
        if (error.isPresent()) {
            return failed(Kind.HTTP_ERROR, "The start page " + error.get().url() + " answered with status "
                    + error.get().status() + ".");
        }
        Optional<FetchProblem> blocked = find(problems, p -> p.kind() == FetchProblem.Kind.REFUSED_ADDRESS);
        if (blocked.isPresent()) {
            return failed(Kind.BLOCKED_ADDRESS, "The site sent the scanner to " + host(blocked.get()) + ", which it "
                    + "does not visit: " + blocked.get().detail() + ".");
        }
        if (report.deadlineHit() || find(problems, p -> p.kind() == FetchProblem.Kind.TIMEOUT).isPresent()) {
            return failed(Kind.TIMED_OUT, "The site's pages did not answer in time.");
        }
        return problems.isEmpty() ? failed(Kind.UNREACHABLE, "The site answered, but with no page that could be read.")
                : noOrigin(problems);
    }

    private static Optional<FetchProblem> find(List<FetchProblem> problems, Predicate<FetchProblem> test) {
        return problems.stream().filter(test).findFirst();
    }

    private static String host(FetchProblem problem) {
        return problem.url() == null || problem.url().getRawAuthority() == null ? "the site"
                : problem.url().getRawAuthority();
    }

    private static String capitalised(String text) {
        return text.isEmpty() || !Character.isLetter(text.charAt(0)) ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
