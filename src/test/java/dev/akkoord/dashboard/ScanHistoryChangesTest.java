package dev.akkoord.dashboard;

import static dev.akkoord.testsupport.Api.createSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.akkoord.classify.Category;
import dev.akkoord.scan.BrowserFindings;
import dev.akkoord.scan.ScanCookie;
import dev.akkoord.scan.ScanOutcome;
import dev.akkoord.scan.ScanBannerCookies;
import dev.akkoord.scan.ScanRepository;
import dev.akkoord.scan.ScanTrigger;
import dev.akkoord.scan.ScanService;
import dev.akkoord.scan.ScanView;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Scans page reads the cookie counts and diffs of the recent scans together ({@link ScanService#changes}); they
 * must be what each scan's own view says ({@link ScanService#scan}): cookies new, gone and recategorised, a failed
 * scan in between (no diff, and not the "previous" of the next), the first scan.
 */
@QuarkusTest
class ScanHistoryChangesTest {

    private static final String ORIGIN = "http://shop.test";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ScanRepository repository;

    @Inject
    ScanService scans;

    @Inject
    ScanBannerCookies bannerLists;

    @Test
    void shouldGiveTheHistoryWhatEachScanSaysOfItself() throws Throwable {
        String siteId = createSite("History " + System.nanoTime(), "shop.test").getString("id");
        UUID site = UUID.fromString(siteId);
        List<UUID> ids = new ArrayList<>();
        ids.add(stored(siteId, cookie("_ga", Category.ANALYTICAL), cookie("cart", Category.FUNCTIONAL)));
        ids.add(stored(siteId, cookie("_ga", Category.ANALYTICAL), cookie("cart", Category.MARKETING),
                cookie("_fbp", Category.MARKETING)));
        ids.add(failed(site));
        ids.add(stored(siteId, cookie("cart", Category.MARKETING), cookie("_hj", Category.ANALYTICAL)));
        ids.add(stored(siteId));

        Map<UUID, ScanService.Change> changes = scans.changes(site, ids).await().atMost(WAIT);

        assertEquals(ids.size(), changes.size(), changes.toString());
        for (UUID id : ids) {
            ScanView whole = scans.scan(site, id).await().atMost(WAIT);
            assertEquals(new ScanService.Change(whole.results().cookies().size(), whole.results().method(),
                    whole.diff()), changes.get(id), "scan " + ids.indexOf(id));
        }
        assertNull(changes.get(ids.get(2)).diff(), "a failed scan changes no list");
        ScanView.Diff afterFailure = changes.get(ids.get(3)).diff();
        assertEquals(ids.get(1), afterFailure.previousScanId(), "the failed scan is not the previous list");
        assertEquals(List.of("_hj"), afterFailure.added().stream().map(ScanView.CookieRef::name).toList());
        assertEquals(List.of("_fbp", "_ga"), afterFailure.gone().stream().map(ScanView.CookieRef::name).sorted()
                .toList());
        ScanView.Diff second = changes.get(ids.get(1)).diff();
        assertEquals(List.of("cart"), second.categoryChanges().stream().map(ScanView.CategoryChange::name).toList());
        assertNull(changes.get(ids.get(0)).diff().previousScanId(), "the first scan: everything is new");
        assertEquals(0, changes.get(ids.get(4)).cookies());
        assertEquals(2, changes.get(ids.get(4)).diff().gone().size());
    }

    @Test
    void shouldLeaveOutScansNotFinishedOrOfAnotherSite() throws Throwable {
        String siteId = createSite("History " + System.nanoTime(), "shop.test").getString("id");
        String otherId = createSite("Other " + System.nanoTime(), "shop.test").getString("id");
        UUID finished = stored(siteId, cookie("_ga", Category.ANALYTICAL));
        UUID others = stored(otherId, cookie("_ga", Category.ANALYTICAL));
        UUID queued = UUID.randomUUID();
        repository.insertScan(queued, UUID.fromString(siteId), ScanTrigger.REQUEST, null, Instant.now()).await()
                .atMost(WAIT);

        Map<UUID, ScanService.Change> changes = scans.changes(UUID.fromString(siteId), List.of(finished, others,
                queued)).await().atMost(WAIT);

        assertEquals(List.of(finished), List.copyOf(changes.keySet()));
        assertTrue(scans.changes(UUID.fromString(siteId), List.of()).await().atMost(WAIT).isEmpty());
        assertFalse(changes.get(finished).diff().added().isEmpty());
    }

    private UUID stored(String siteId, ScanCookie... cookies) throws Throwable {
        return StoredScans.save(repository, bannerLists, siteId, StoredScans.findings(ORIGIN, List.of("/"), List.of(cookies),
                null, new BrowserFindings(BrowserFindings.STATIC, null, List.of(), List.of())));
    }

    private UUID failed(UUID site) {
        UUID scanId = UUID.randomUUID();
        Instant now = Instant.now();
        repository.insertScan(scanId, site, ScanTrigger.REQUEST, null, now).await().atMost(WAIT);
        int attempt = repository.startScan(scanId, "history-test", now).await().atMost(WAIT).attempts();
        assertTrue(repository.failScan(scanId, attempt, ScanOutcome.failed(ScanOutcome.Kind.UNREACHABLE,
                "shop.test could not be reached"), Instant.now()).await().atMost(WAIT));
        return scanId;
    }

    private static ScanCookie cookie(String name, Category category) {
        return StoredScans.fromResponse(name, category, ORIGIN + "/", category != Category.FUNCTIONAL);
    }
}
