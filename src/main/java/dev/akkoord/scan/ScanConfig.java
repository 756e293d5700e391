package dev.akkoord.scan;

import dev.akkoord.scan.browser.BrowserSettings;
import dev.akkoord.scan.browser.VisitSettings;
import dev.akkoord.scan.crawl.CrawlSettings;
import java.nio.file.Path;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings under {@code akkoord.scan} (environment {@code AKKOORD_SCAN_*}). */
@ConfigMapping(prefix = "akkoord.scan")
public interface ScanConfig {

    /** Pages fetched at most per scan of a site. */
    @WithDefault("100")
    int maxPages();

    /** Link hops followed from a site's start page. */
    @WithDefault("10")
    int maxDepth();

    /** Largest page, robots.txt or sitemap read, in bytes; larger ones are abandoned (their cookies still count). */
    @WithDefault("2097152")
    int maxBodyBytes();

    /** Bytes read at most from a script, frame or pixel; only its headers matter. */
    @WithDefault("262144")
    int maxResourceBytes();

    /** Scripts, frames and pixels fetched at most per scan. */
    @WithDefault("300")
    int maxResources();

    /** The whole time one request may take. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Redirects followed per request. */
    @WithDefault("5")
    int maxRedirects();

    /** Requests in flight to one host at once, per instance. */
    @WithDefault("4")
    int perHostConcurrency();

    /**
     * Whether scripts, frames and pixels on hosts outside the site are fetched so that their cookies are seen
     * ({@code AKKOORD_SCAN_THIRD_PARTY_FETCH}). Trackers are recognised either way.
     */
    @WithDefault("true")
    boolean thirdPartyFetch();

    /** The whole time one scan may take; at the deadline it stops and keeps what it found. */
    @WithDefault("10m")
    Duration crawlTimeout();

    /**
     * Host names, addresses or CIDR ranges a scan may reach although they are not public
     * ({@code AKKOORD_SCAN_ALLOW_HOSTS}, comma-separated). Everything else that is loopback, private, link-local,
     * shared, reserved or multicast is refused.
     */
    Optional<List<String>> allowHosts();

    /**
     * Fetch nothing but the allow-listed hosts and addresses, and resolve no other names (a locked-down mode, and
     * what the tests use so that no lookup ever leaves the machine).
     */
    @WithDefault("false")
    boolean onlyAllowedHosts();

    /** When every site's daily scan is enqueued (Quartz-style cron; {@code off} disables it). */
    @WithDefault("0 0 3 * * ?")
    String cron();

    /** Scans run at once by this instance. */
    @WithDefault("2")
    int workers();

    /** How often this instance looks for queued scans and stale ones ({@code off} disables the worker). */
    @WithDefault("2s")
    String pollEvery();

    /**
     * A queued scan taken by a worker that has not been heard of for this long is taken over by another instance.
     * Running workers renew their claim well within it.
     */
    @WithDefault("2m")
    Duration claimAfter();

    /**
     * How long a worker trusts its last confirmation that its attempt at a scan is still the current one, before it
     * asks the database again ahead of its next request: one poll interval, at most a quarter of {@link #claimAfter()}
     * (see {@link AttemptFence}).
     */
    default Duration attemptTrust() {
        Duration quarter = claimAfter().dividedBy(4);
        if (pollEvery().isBlank() || "off".equalsIgnoreCase(pollEvery().trim())) {
            return quarter;
        }
        Duration poll = DurationConverter.parseDuration(pollEvery().trim());
        return poll.compareTo(quarter) < 0 ? poll : quarter;
    }

    /**
     * Whether scans drive headless Chromium ({@code AKKOORD_SCAN_BROWSER}): {@code auto} when a Chromium binary is
     * found, {@code on} (the same, and the start-up log warns when none is found), {@code off} for the static crawl
     * alone. Without a browser, cookies written by JavaScript are not seen.
     */
    @WithDefault("auto")
    String browser();

    /** The Chromium binary ({@code AKKOORD_SCAN_BROWSER_PATH}); by default the usual places are looked in. */
    Optional<String> browserPath();

    /** Pages, from the start page on, that get every consent journeys (reject, accept, GPC) besides the plain visit. */
    @WithDefault("10")
    int journeyPages();

    /** Journeys run at once in one scan's browser, each in its own context. */
    @WithDefault("4")
    int browserTabs();

    /** The whole time one journey on one page may take. */
    @WithDefault("30s")
    Duration pageTimeout();

    /** The browser's settings, as the browser scanner takes them. */
    default BrowserSettings browserSettings() {
        VisitSettings defaults = VisitSettings.defaults();
        return new BrowserSettings(browser(), browserPath().map(Path::of), journeyPages(), browserTabs(),
                new VisitSettings(pageTimeout(), defaults.quiet(), defaults.minDwell(), defaults.maxSettle(),
                        defaults.bannerWait()));
    }

    /** The limits of one crawl, as the crawler takes them. */
    default CrawlSettings crawlSettings() {
        return new CrawlSettings(maxPages(), maxDepth(), maxBodyBytes(), maxResourceBytes(), maxResources(),
                requestTimeout(), maxRedirects(), perHostConcurrency(), thirdPartyFetch(), crawlTimeout(),
                CrawlSettings.defaults().userAgent());
    }
}
