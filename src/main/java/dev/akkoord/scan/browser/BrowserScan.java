package dev.akkoord.scan.browser;

import dev.akkoord.scan.crawl.CrawlGate;
import dev.akkoord.scan.crawl.CrawlListener;
import dev.akkoord.scan.crawl.CrawlReport;
import dev.akkoord.scan.crawl.CrawlSettings;
import dev.akkoord.scan.crawl.FetchProblem;
import dev.akkoord.scan.crawl.PageVisit;
import dev.akkoord.scan.crawl.SiteScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The browser pass of one scan. Pages come from the static crawl (start pages first) and from the links of the
 * rendered pages; each gets the no-decision journey, and the first pages with the banner get the other three, each
 * in a fresh context, a few at a time. A browser crash fails the pages it was on; the browser is started again and
 * the scan goes on.
 */
final class BrowserScan {

    private static final Logger LOG = Logger.getLogger(BrowserScan.class);
    /** Longest wait for the gate's answer; one that does not come stops the scan as a refusal would. */
    private static final Duration GATE_WAIT = Duration.ofSeconds(30);

    private record Work(URI page, int depth, int index, Journey journey) {
    }

    private final BrowserScanner scanner;
    private final CrawlReport crawl;
    private final SiteScope scope;
    private final CrawlSettings limits;
    private final long deadline;
    private final CrawlListener listener;
    private final CrawlGate gate;
    private final PageVisitor visitor;
    private final ReportBuilder report;
    private final Deque<Work> queue = new ArrayDeque<>();
    private final Set<URI> known = new LinkedHashSet<>();
    private final Map<Future<Visit>, Work> running = new HashMap<>();
    private final AtomicReference<BrowserScanner.Instance> browser = new AtomicReference<>();
    private int pagesStarted;
    private int done;
    private RuntimeException refusal;

    BrowserScan(BrowserScanner scanner, CrawlReport crawl, SiteScope scope, CrawlSettings limits,
            long deadlineMillis, CrawlListener listener, CrawlGate gate) {
        this.scanner = scanner;
        this.crawl = crawl;
        this.scope = scope;
        this.limits = limits;
        this.deadline = deadlineMillis;
        this.listener = listener;
        this.gate = gate;
        this.visitor = scanner.visitor();
        this.report = new ReportBuilder(scope);
    }

    BrowserReport run() {
        try {
            browser.set(scanner.borrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = browser.get().chromium.version();
        boolean deadlineHit = false;
        try {
            seed();
            deadlineHit = loop();
            if (refusal != null) {
                throw refusal;
            }
        } finally {
            BrowserScanner.Instance instance = browser.get();
            Set<String> seen = new LinkedHashSet<>();
            for (FetchProblem refused : instance.takeRefusals()) {
                if (seen.add(refused.detail())) {
                    report.problem(refused);
                }
            }
            scanner.giveBack(instance);
        }
        if (deadlineHit) {
            report.problem(new FetchProblem(FetchProblem.Kind.CRAWL_DEADLINE, null,
                    "the browser scan reached the scan's time limit and stopped with what it had"));
        }
        return report.build(version, deadlineHit);
    }

    private void seed() {
        for (URI origin : crawl.origins()) {
            offer(origin, 0);
        }
        for (PageVisit page : crawl.pages()) {
            if (crawl.origins().contains(page.url()) && !page.finalUrl().equals(page.url())) {
                // A start page that redirects (/ to /en/) is visited as a visitor enters, and lands there: the
                // page it lands on is not visited a second time, nor takes a second place in the page limit.
                known.add(page.finalUrl());
            }
        }
        for (PageVisit page : crawl.pages()) {
            if (page.parsed() && page.status() < 400) {
                offer(page.finalUrl(), page.depth());
            }
        }
    }

    private void offer(URI page, int depth) {
        if (depth <= limits.maxDepth() && known.add(page)) {
            queue.addLast(new Work(page, depth, -1, Journey.NO_DECISION));
        }
    }

    /** Runs visits until none are left; returns whether the deadline stopped it. */
    private boolean loop() {
        CompletionService<Visit> completions = new ExecutorCompletionService<>(scanner.threads());
        int tabs = scanner.settings().tabs();
        while (true) {
            while (running.size() < tabs && !queue.isEmpty() && System.currentTimeMillis() < deadline
                    && mayGoOn()) {
                Work work = queue.pollFirst();
                if (work.journey() == Journey.NO_DECISION) {
                    if (pagesStarted >= limits.maxPages()) {
                        continue;
                    }
                    work = new Work(work.page(), work.depth(), pagesStarted++, work.journey());
                }
                Work submitted = work;
                running.put(completions.submit(() -> visitor.visit(browser.get().chromium, submitted.page(),
                        submitted.journey())), submitted);
            }
            if (running.isEmpty()) {
                return !queue.isEmpty() && System.currentTimeMillis() >= deadline;
            }
            Future<Visit> finished = take(completions);
            Work work = running.remove(finished);
            if (refusal != null) {
                continue; // the open visits end unread; the browser goes back with no tab still busy
            }
            Visit visit = result(finished, work);
            restartIfCrashed();
            report.add(visit);
            done++;
            follow(work, visit);
            listener.progress(done, queue.size() + running.size());
        }
    }

    /** Asks the gate (a blocking wait: this is a browser thread); after one refusal, never again. */
    private boolean mayGoOn() {
        if (refusal == null) {
            try {
                gate.check().await().atMost(GATE_WAIT);
            } catch (RuntimeException e) {
                refusal = e;
            }
        }
        return refusal == null;
    }

    /** After the plain visit: the other journeys where the banner showed, then the rendered page's links. */
    private void follow(Work work, Visit visit) {
        if (work.journey() != Journey.NO_DECISION || visit.problem() != null) {
            return;
        }
        if (Boolean.TRUE.equals(visit.banner()) && work.index() < scanner.settings().journeyPages()) {
            for (Journey journey : List.of(Journey.GPC, Journey.ACCEPT, Journey.REJECT)) {
                queue.addFirst(new Work(work.page(), work.depth(), work.index(), journey));
            }
        }
        for (URI link : visit.links()) {
            URI page = scope.pageOf(link.toString());
            if (page != null && crawl.robotsAllow(page)) {
                offer(page, work.depth() + 1);
            }
        }
    }

    private Future<Visit> take(CompletionService<Visit> completions) {
        try {
            Future<Visit> next;
            while ((next = completions.poll(1, TimeUnit.SECONDS)) == null) {
                LOG.tracef("waiting for %d journeys", running.size());
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the browser scan was interrupted", e);
        }
    }

    private static Visit result(Future<Visit> finished, Work work) {
        try {
            return finished.get();
        } catch (ExecutionException e) {
            return Visit.failed(work.page(), work.journey(), "the journey failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the browser scan was interrupted", e);
        }
    }

    private void restartIfCrashed() {
        BrowserScanner.Instance current = browser.get();
        if (current.chromium.isAlive()) {
            return;
        }
        LOG.warnf("The scanning browser (pid %d) stopped; starting another", current.chromium.pid());
        try {
            browser.set(scanner.replace(current));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
