package dev.akkoord.scan;

import dev.akkoord.classify.Category;
import dev.akkoord.scan.browser.BrowserReport;
import dev.akkoord.scan.browser.Journey;
import dev.akkoord.scan.crawl.FetchProblem;
import dev.akkoord.scan.crawl.PageVisit;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scans, their findings and the owners' cookie and tracker host overrides, in PostgreSQL through the reactive client.
 * A worker's writes for a scan name its attempt (the fencing token {@link #startScan} hands out) and land only while
 * that attempt is the scan's current one: see {@link AttemptFence}.
 */
@ApplicationScoped
public class ScanRepository {

    private static final String SCAN_COLUMNS = "id, site_id, trigger, status, schedule_day, queued_at, started_at, "
            + "finished_at, attempts, worker, pages_done, pages_queued, resources, origins, deadline_hit, failure, "
            + "failure_kind, method, method_note, headline";
    private static final String COOKIE_COLUMNS = "name, domain, found, host_only, path, expires_at, lifetime_seconds, "
            + "secure, http_only, same_site, third_party, first_page, set_by, category, confidence, source, vendor, "
            + "purpose, reason, lifetime, violation, evidence, seen";
    private static final String OVERRIDE_COLUMNS = "name, category, purpose, vendor, retention";

    private final Pool pool;

    ScanRepository(Pool pool) {
        this.pool = pool;
    }

    // ---- scans ----

    /** Inserts a queued scan; false when the site already has a scan for that schedule day. */
    public Uni<Boolean> insertScan(UUID scanId, UUID siteId, ScanTrigger trigger, LocalDate scheduleDay, Instant now) {
        return pool.preparedQuery("INSERT INTO scans (id, site_id, trigger, status, schedule_day, queued_at) "
                        + "VALUES ($1, $2, $3, 'queued', $4, $5) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(scanId, siteId, trigger.key(), scheduleDay, time(now)))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> deleteQueuedScan(UUID scanId) {
        return pool.preparedQuery("DELETE FROM scans WHERE id = $1 AND status = 'queued'").execute(Tuple.of(scanId))
                .replaceWithVoid();
    }

    public Uni<ScanRow> activeScan(UUID siteId) {
        return one("SELECT " + SCAN_COLUMNS + " FROM scans WHERE site_id = $1 AND status IN ('queued', 'running') "
                + "ORDER BY queued_at DESC LIMIT 1", Tuple.of(siteId));
    }

    /**
     * Marks the scan running on this worker and bumps its attempt, which makes every earlier attempt's writes miss;
     * null when the scan is unknown or already finished (nothing left to do).
     */
    public Uni<ScanRow> startScan(UUID scanId, String worker, Instant now) {
        return one("UPDATE scans SET status = 'running', started_at = $3, attempts = attempts + 1, worker = $2, "
                + "pages_done = 0, pages_queued = 0 WHERE id = $1 AND status IN ('queued', 'running') RETURNING "
                + SCAN_COLUMNS, Tuple.of(scanId, worker, time(now)));
    }

    /** Whether the attempt is still the running scan's current one. */
    public Uni<Boolean> attemptIsCurrent(UUID scanId, int attempt) {
        return pool.preparedQuery("SELECT 1 FROM scans WHERE id = $1 AND attempts = $2 AND status = 'running'")
                .execute(Tuple.of(scanId, attempt)).map(rows -> rows.size() == 1);
    }

    /** Writes the attempt's progress; false when the attempt is no longer the current one (nothing written). */
    public Uni<Boolean> progress(UUID scanId, int attempt, int pagesDone, int pagesQueued) {
        return pool.preparedQuery("UPDATE scans SET pages_done = $3, pages_queued = $4 WHERE id = $1 "
                        + "AND attempts = $2 AND status = 'running'")
                .execute(Tuple.of(scanId, attempt, pagesDone, pagesQueued)).map(rows -> rows.rowCount() == 1);
    }

    /** Ends the attempt's scan as failed; false when the attempt is no longer the current one (nothing written). */
    public Uni<Boolean> failScan(UUID scanId, int attempt, ScanOutcome outcome, Instant now) {
        return pool.preparedQuery("UPDATE scans SET status = 'failed', finished_at = $4, failure = $3, "
                        + "failure_kind = $5 WHERE id = $1 AND attempts = $2 AND status = 'running'")
                .execute(Tuple.of(scanId, attempt, outcome.reason(), time(now), outcome.kind().code()))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Stores the attempt's findings and ends the scan as the outcome says (done, partial or failed), in one transaction. Rows of an earlier attempt of the
     * same scan (a worker that died halfway) are replaced. False, with nothing written, when the attempt is no longer
     * the current one: the row lock taken first makes a takeover wait for this transaction, or this transaction see
     * the takeover.
     */
    public Uni<Boolean> saveFindings(UUID scanId, int attempt, ScanFindings findings, ScanOutcome outcome,
            Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery("SELECT 1 FROM scans WHERE id = $1 "
                        + "AND attempts = $2 AND status = 'running' FOR UPDATE").execute(Tuple.of(scanId, attempt))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    return deleteFindings(connection, scanId)
                            .flatMap(v -> insertPages(connection, scanId, findings.pages()))
                            .flatMap(v -> insertCookies(connection, scanId, findings.cookies()))
                            .flatMap(v -> insertErrors(connection, scanId, findings.problems()))
                            .flatMap(v -> insertTrackers(connection, scanId, findings.trackers()))
                            .flatMap(v -> insertBrowserPages(connection, scanId, findings.browser().pages()))
                            .flatMap(v -> insertRequests(connection, scanId, findings.browser().requests()))
                            .flatMap(v -> connection.preparedQuery("UPDATE scans SET finished_at = $2, "
                                            + "pages_done = $3, pages_queued = $4, resources = $5, origins = $6, "
                                            + "deadline_hit = $7, method = $8, method_note = $9, headline = $10, "
                                            + "status = $11, failure = $12, failure_kind = $13 WHERE id = $1")
                                    .execute(Tuple.from(Arrays.asList(scanId, time(now), findings.pages().size(),
                                            findings.pagesQueued(), findings.resources(),
                                            findings.origins().stream().map(URI::toString).toArray(String[]::new),
                                            findings.deadlineHit(), findings.browser().method(),
                                            findings.browser().note(), findings.headline(), outcome.status().key(),
                                            outcome.reason(), outcome.kind() == null ? null : outcome.kind().code()))))
                            .map(done -> true);
                }));
    }

    private static Uni<Void> deleteFindings(SqlConnection connection, UUID scanId) {
        Tuple id = Tuple.of(scanId);
        return connection.preparedQuery("DELETE FROM scan_pages WHERE scan_id = $1").execute(id)
                .flatMap(r -> connection.preparedQuery("DELETE FROM scan_cookies WHERE scan_id = $1").execute(id))
                .flatMap(r -> connection.preparedQuery("DELETE FROM scan_errors WHERE scan_id = $1").execute(id))
                .flatMap(r -> connection.preparedQuery("DELETE FROM scan_trackers WHERE scan_id = $1").execute(id))
                .flatMap(r -> connection.preparedQuery("DELETE FROM scan_browser_pages WHERE scan_id = $1").execute(id))
                .flatMap(r -> connection.preparedQuery("DELETE FROM scan_requests WHERE scan_id = $1").execute(id))
                .replaceWithVoid();
    }

    private static Uni<Void> insertPages(SqlConnection connection, UUID scanId, List<PageVisit> pages) {
        List<Tuple> batch = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            PageVisit p = pages.get(i);
            batch.add(Tuple.from(Arrays.asList(scanId, i, p.url().toString(), p.finalUrl().toString(), p.depth(),
                    p.status(), p.contentType(), p.parsed())));
        }
        return batch(connection, "INSERT INTO scan_pages (scan_id, position, url, final_url, depth, status, "
                + "content_type, parsed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", batch);
    }

    private static Uni<Void> insertCookies(SqlConnection connection, UUID scanId, List<ScanCookie> cookies) {
        List<Tuple> batch = new ArrayList<>(cookies.size());
        for (ScanCookie c : cookies) {
            batch.add(Tuple.from(Arrays.asList(scanId, c.name(), c.domain(), c.found(), c.hostOnly(), c.path(),
                    c.expiresAt() == null ? null : time(c.expiresAt()), c.lifetimeSeconds(), c.secure(), c.httpOnly(),
                    c.sameSite(), c.thirdParty(), c.firstPage(), c.setBy(), c.category().label(), c.confidence(),
                    c.source(), c.vendor(), c.purpose(), c.reason(), c.lifetime(), c.violation(), c.evidence(),
                    c.seen() == null ? null : JsonObject.mapFrom(c.seen()))));
        }
        return batch(connection, "INSERT INTO scan_cookies (scan_id, " + COOKIE_COLUMNS + ") VALUES ($1, $2, $3, $4, "
                + "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)",
                batch);
    }

    private static Uni<Void> insertBrowserPages(SqlConnection connection, UUID scanId, List<BrowserReport.Page> pages) {
        List<Tuple> batch = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            BrowserReport.Page p = pages.get(i);
            batch.add(Tuple.from(Arrays.asList(scanId, i, p.url().toString(), p.finalUrl().toString(), p.status(),
                    p.banner(), p.journeys().stream().map(Journey::label).toArray(String[]::new),
                    p.localStorage().toArray(String[]::new), p.sessionStorage().toArray(String[]::new),
                    p.indexedDb().toArray(String[]::new), p.problem(), p.outsideHosts().toArray(String[]::new))));
        }
        return batch(connection, "INSERT INTO scan_browser_pages (scan_id, position, url, final_url, status, banner, "
                + "journeys, local_storage, session_storage, indexed_db, problem, outside_hosts) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", batch);
    }

    private static Uni<Void> insertRequests(SqlConnection connection, UUID scanId,
            List<BrowserFindings.HostRequest> requests) {
        List<Tuple> batch = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            BrowserFindings.HostRequest r = requests.get(i);
            batch.add(Tuple.from(Arrays.asList(scanId, i, r.host(), r.phase(), r.example(), r.page(), r.count(),
                    r.pages(), r.category(), r.vendor(), r.violation())));
        }
        return batch(connection, "INSERT INTO scan_requests (scan_id, position, host, phase, example, page, requests, "
                + "pages, category, vendor, violation) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", batch);
    }

    private static Uni<Void> insertErrors(SqlConnection connection, UUID scanId, List<FetchProblem> problems) {
        List<Tuple> batch = new ArrayList<>(problems.size());
        for (int i = 0; i < problems.size(); i++) {
            FetchProblem p = problems.get(i);
            batch.add(Tuple.from(Arrays.asList(scanId, i, p.kind().name().toLowerCase(java.util.Locale.ROOT),
                    p.url() == null ? null : p.url().toString(), p.detail())));
        }
        return batch(connection, "INSERT INTO scan_errors (scan_id, position, kind, url, detail) "
                + "VALUES ($1, $2, $3, $4, $5)", batch);
    }

    private static Uni<Void> insertTrackers(SqlConnection connection, UUID scanId, List<ScanTracker> trackers) {
        List<Tuple> batch = new ArrayList<>(trackers.size());
        for (int i = 0; i < trackers.size(); i++) {
            ScanTracker t = trackers.get(i);
            batch.add(Tuple.from(Arrays.asList(scanId, i, t.tracker(), t.vendor(), t.category(), t.accountId(),
                    t.page(), t.via(), t.evidence(), t.hosts().toArray(String[]::new))));
        }
        return batch(connection, "INSERT INTO scan_trackers (scan_id, position, tracker, vendor, category, account_id, "
                + "page, via, evidence, hosts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", batch);
    }

    private static Uni<Void> batch(SqlConnection connection, String sql, List<Tuple> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(sql).executeBatch(batch).replaceWithVoid();
    }

    public Uni<List<ScanRow>> listScans(UUID siteId, int limit) {
        return many("SELECT " + SCAN_COLUMNS + " FROM scans WHERE site_id = $1 ORDER BY queued_at DESC LIMIT $2",
                Tuple.of(siteId, limit));
    }

    public Uni<ScanRow> findScan(UUID siteId, UUID scanId) {
        return one("SELECT " + SCAN_COLUMNS + " FROM scans WHERE site_id = $1 AND id = $2", Tuple.of(siteId, scanId));
    }

    public Uni<ScanRow> findScan(UUID scanId) {
        return one("SELECT " + SCAN_COLUMNS + " FROM scans WHERE id = $1", Tuple.of(scanId));
    }

    public Uni<ScanRow> latestScan(UUID siteId) {
        return one("SELECT " + SCAN_COLUMNS + " FROM scans WHERE site_id = $1 ORDER BY queued_at DESC LIMIT 1",
                Tuple.of(siteId));
    }

    /** Each given site's last finished scan (done, partial or failed), one query for a list of sites. */
    public Uni<List<ScanRow>> lastFinishedScans(List<UUID> siteIds) {
        return lastScanOfEachSite(siteIds, "'done', 'partial', 'failed'");
    }

    /** Each given site's last scan that gave it a cookie list (done or partial); sites without one are absent. */
    public Uni<List<ScanRow>> lastListingScans(List<UUID> siteIds) {
        return lastScanOfEachSite(siteIds, "'done', 'partial'");
    }

    private Uni<List<ScanRow>> lastScanOfEachSite(List<UUID> siteIds, String statuses) {
        // One index lookup per site (scans_site_ended, V65): the older scans are never read.
        return pool.preparedQuery("SELECT last.* FROM unnest($1::uuid[]) AS site(id) CROSS JOIN LATERAL (SELECT "
                        + SCAN_COLUMNS + " FROM scans WHERE scans.site_id = site.id AND status IN (" + statuses + ") "
                        + "ORDER BY finished_at DESC LIMIT 1) AS last").execute(Tuple.of(siteIds.toArray(UUID[]::new)))
                .map(rows -> {
                    List<ScanRow> scans = new ArrayList<>();
                    rows.forEach(row -> scans.add(scanRow(row)));
                    return scans;
                });
    }

    public Uni<ScanRow> latestDoneScan(UUID siteId) {
        return one("SELECT " + SCAN_COLUMNS + " FROM scans WHERE site_id = $1 AND status IN ('done', 'partial') "
                + "ORDER BY finished_at DESC LIMIT 1", Tuple.of(siteId));
    }

    /** The scan that gave the site a cookie list (done or partial) last before the given one. */
    public Uni<ScanRow> previousDoneScan(ScanRow scan) {
        return one("SELECT " + SCAN_COLUMNS + " FROM scans WHERE site_id = $1 AND status IN ('done', 'partial') "
                + "AND id <> $2 "
                + "AND finished_at <= $3 ORDER BY finished_at DESC LIMIT 1",
                Tuple.of(scan.siteId(), scan.id(), time(scan.finishedAt())));
    }

    private Uni<ScanRow> one(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params)
                .map(rows -> rows.size() == 0 ? null : scanRow(rows.iterator().next()));
    }

    private Uni<List<ScanRow>> many(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<ScanRow> scans = new ArrayList<>();
            rows.forEach(row -> scans.add(scanRow(row)));
            return scans;
        });
    }

    private static ScanRow scanRow(Row row) {
        String[] origins = row.getArrayOfStrings("origins");
        return new ScanRow(row.getUUID("id"), row.getUUID("site_id"),
                ScanTrigger.fromKey(row.getString("trigger")), ScanStatus.fromKey(row.getString("status")),
                row.getLocalDate("schedule_day"), instant(row, "queued_at"),
                instant(row, "started_at"), instant(row, "finished_at"), row.getInteger("attempts"),
                row.getString("worker"), row.getInteger("pages_done"), row.getInteger("pages_queued"),
                row.getInteger("resources"), origins == null ? List.of() : List.of(origins),
                row.getBoolean("deadline_hit"), row.getString("failure"), row.getString("failure_kind"),
                row.getString("method"), row.getString("method_note"), row.getString("headline"));
    }

    // ---- findings ----

    public Uni<List<ScanCookie>> cookies(UUID scanId) {
        return pool.preparedQuery("SELECT " + COOKIE_COLUMNS + " FROM scan_cookies WHERE scan_id = $1 "
                        + "ORDER BY category, name, domain")
                .execute(Tuple.of(scanId)).map(rows -> {
                    List<ScanCookie> cookies = new ArrayList<>();
                    for (Row r : rows) {
                        cookies.add(cookie(r));
                    }
                    return cookies;
                });
    }

    /** The cookies of several scans, by scan, each list in the order of {@link #cookies(UUID)}; none: absent. */
    public Uni<Map<UUID, List<ScanCookie>>> cookies(List<UUID> scanIds) {
        return pool.preparedQuery("SELECT scan_id, " + COOKIE_COLUMNS + " FROM scan_cookies WHERE scan_id = ANY($1) "
                        + "ORDER BY scan_id, category, name, domain")
                .execute(Tuple.of(scanIds.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, List<ScanCookie>> byScan = new LinkedHashMap<>();
                    for (Row r : rows) {
                        byScan.computeIfAbsent(r.getUUID("scan_id"), id -> new ArrayList<>()).add(cookie(r));
                    }
                    return byScan;
                });
    }

    /** What {@link CookieTally} needs of the cookies of several scans, by scan; a scan without cookies is absent. */
    public Uni<Map<UUID, List<CookieTally.Fact>>> tallyFacts(List<UUID> scanIds) {
        return pool.preparedQuery("SELECT scan_id, name, category, found, seen IS NOT NULL AS seen_in_browser, "
                        + "COALESCE((seen ->> 'setBeforeConsent')::boolean, false) AS before_consent, "
                        + "COALESCE((seen ->> 'setAfterReject')::boolean, false) AS after_reject "
                        + "FROM scan_cookies WHERE scan_id = ANY($1)")
                .execute(Tuple.of(scanIds.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, List<CookieTally.Fact>> byScan = new HashMap<>();
                    for (Row r : rows) {
                        byScan.computeIfAbsent(r.getUUID("scan_id"), id -> new ArrayList<>()).add(new CookieTally.Fact(
                                r.getString("name"), Category.fromLabel(r.getString("category")),
                                r.getString("found"), r.getBoolean("seen_in_browser"),
                                r.getBoolean("before_consent"), r.getBoolean("after_reject")));
                    }
                    return byScan;
                });
    }

    /** A finished scan as a history lists it, and the scan that gave the site a cookie list last before it. */
    public record Listed(UUID id, ScanStatus status, String method, UUID previous) {
    }

    /**
     * The site's given scans that have finished, each with its previous as {@link #previousDoneScan} finds it for
     * one (null when there is none).
     */
    public Uni<List<Listed>> finishedWithPrevious(UUID siteId, List<UUID> scanIds) {
        return pool.preparedQuery("SELECT c.id, c.status, c.method, (SELECT p.id FROM scans p "
                        + "WHERE p.site_id = c.site_id AND p.status IN ('done', 'partial') AND p.id <> c.id "
                        + "AND p.finished_at <= c.finished_at ORDER BY p.finished_at DESC LIMIT 1) AS previous "
                        + "FROM scans c WHERE c.site_id = $1 AND c.id = ANY($2) "
                        + "AND c.status IN ('done', 'partial', 'failed')")
                .execute(Tuple.of(siteId, scanIds.toArray(UUID[]::new))).map(rows -> {
                    List<Listed> listed = new ArrayList<>();
                    for (Row r : rows) {
                        listed.add(new Listed(r.getUUID("id"), ScanStatus.fromKey(r.getString("status")),
                                r.getString("method"),
                                r.getUUID("previous")));
                    }
                    return listed;
                });
    }

    private static ScanCookie cookie(Row r) {
        return new ScanCookie(r.getString("name"), r.getString("domain"), r.getString("found"),
                r.getBoolean("host_only"), r.getString("path"), instant(r, "expires_at"),
                r.getLong("lifetime_seconds"), r.getBoolean("secure"), r.getBoolean("http_only"),
                r.getString("same_site"), r.getBoolean("third_party"), r.getString("first_page"),
                r.getString("set_by"), Category.fromLabel(r.getString("category")),
                r.getDouble("confidence"), r.getString("source"), r.getString("vendor"),
                r.getString("purpose"), r.getString("reason"), r.getString("lifetime"),
                r.getBoolean("violation"), r.getString("evidence"), seen(r.getJsonObject("seen")));
    }

    public Uni<List<PageVisit>> pages(UUID scanId) {
        return pool.preparedQuery("SELECT url, final_url, depth, status, content_type, parsed FROM scan_pages "
                        + "WHERE scan_id = $1 ORDER BY position")
                .execute(Tuple.of(scanId)).map(rows -> {
                    List<PageVisit> pages = new ArrayList<>();
                    for (Row r : rows) {
                        pages.add(new PageVisit(URI.create(r.getString("url")), URI.create(r.getString("final_url")),
                r.getInteger("depth"), r.getInteger("status"), r.getString("content_type"),
                r.getBoolean("parsed")));
                    }
                    return pages;
                });
    }

    private static ScanCookie.Seen seen(JsonObject json) {
        return json == null ? null : json.mapTo(ScanCookie.Seen.class);
    }

    public Uni<List<BrowserReport.Page>> browserPages(UUID scanId) {
        return pool.preparedQuery("SELECT url, final_url, status, banner, journeys, local_storage, session_storage, "
                        + "indexed_db, problem, outside_hosts FROM scan_browser_pages WHERE scan_id = $1 ORDER BY position")
                .execute(Tuple.of(scanId)).map(rows -> {
                    List<BrowserReport.Page> pages = new ArrayList<>();
                    for (Row r : rows) {
                        pages.add(new BrowserReport.Page(URI.create(r.getString("url")),
                                URI.create(r.getString("final_url")), r.getInteger("status"), r.getBoolean("banner"),
                                Arrays.stream(r.getArrayOfStrings("journeys")).map(ScanRepository::journey).toList(),
                                List.of(r.getArrayOfStrings("local_storage")),
                                List.of(r.getArrayOfStrings("session_storage")),
                                List.of(r.getArrayOfStrings("indexed_db")), r.getString("problem"),
                                List.of(r.getArrayOfStrings("outside_hosts"))));
                    }
                    return pages;
                });
    }

    private static Journey journey(String label) {
        return Arrays.stream(Journey.values()).filter(j -> j.label().equals(label)).findFirst().orElseThrow();
    }

    public Uni<List<BrowserFindings.HostRequest>> requests(UUID scanId) {
        return pool.preparedQuery("SELECT host, phase, example, page, requests, pages, category, vendor, violation "
                        + "FROM scan_requests WHERE scan_id = $1 ORDER BY position")
                .execute(Tuple.of(scanId)).map(rows -> {
                    List<BrowserFindings.HostRequest> requests = new ArrayList<>();
                    for (Row r : rows) {
                        requests.add(new BrowserFindings.HostRequest(r.getString("host"), r.getString("phase"),
                r.getString("example"), r.getString("page"), r.getInteger("requests"),
                r.getInteger("pages"), r.getString("category"), r.getString("vendor"),
                r.getBoolean("violation")));
                    }
                    return requests;
                });
    }

    /** Errors as {@code {kind, url, detail}}. */
    public Uni<List<Map<String, String>>> errors(UUID scanId) {
        return pool.preparedQuery("SELECT kind, url, detail FROM scan_errors WHERE scan_id = $1 ORDER BY position")
                .execute(Tuple.of(scanId)).map(rows -> {
                    List<Map<String, String>> errors = new ArrayList<>();
                    for (Row r : rows) {
                        Map<String, String> error = new LinkedHashMap<>();
                        error.put("kind", r.getString("kind"));
                        error.put("url", r.getString("url"));
                        error.put("detail", r.getString("detail"));
                        errors.add(error);
                    }
                    return errors;
                });
    }

    public Uni<List<ScanTracker>> trackers(UUID scanId) {
        return pool.preparedQuery("SELECT tracker, vendor, category, account_id, page, via, evidence, hosts "
                        + "FROM scan_trackers WHERE scan_id = $1 ORDER BY position")
                .execute(Tuple.of(scanId)).map(rows -> {
                    List<ScanTracker> trackers = new ArrayList<>();
                    for (Row r : rows) {
                        trackers.add(new ScanTracker(r.getString("tracker"), r.getString("vendor"),
                r.getString("category"), r.getString("account_id"), r.getString("page"),
                r.getString("via"), r.getString("evidence"), List.of(r.getArrayOfStrings("hosts"))));
                    }
                    return trackers;
                });
    }

    // ---- overrides ----

    /** The categories the owner set, by name: what the classifier takes. */
    public Uni<Map<String, Category>> overrides(UUID siteId) {
        return pool.preparedQuery("SELECT name, category FROM cookie_overrides WHERE site_id = $1 "
                        + "AND category IS NOT NULL ORDER BY name")
                .execute(Tuple.of(siteId)).map(ScanRepository::overrideMap);
    }

    private static Map<String, Category> overrideMap(RowSet<Row> rows) {
        Map<String, Category> overrides = new LinkedHashMap<>();
        rows.forEach(r -> overrides.put(r.getString("name"), Category.fromLabel(r.getString("category"))));
        return overrides;
    }

    /** Everything the owner said about the site's cookies, by name. */
    public Uni<Map<String, CookieOverride>> cookieOverrides(UUID siteId) {
        return pool.preparedQuery("SELECT " + OVERRIDE_COLUMNS + " FROM cookie_overrides WHERE site_id = $1 "
                        + "ORDER BY name")
                .execute(Tuple.of(siteId)).map(rows -> {
                    Map<String, CookieOverride> overrides = new LinkedHashMap<>();
                    rows.forEach(r -> overrides.put(r.getString("name"), cookieOverride(r)));
                    return overrides;
                });
    }

    /** An override as it is after an edit (empty when nothing is left of it), and whether the edit changed it. */
    public record EditedOverride(CookieOverride override, boolean changed) {
    }

    /**
     * Applies the edit to the stored override under a row lock, so two edits of different fields both hold. An edit
     * that leaves nothing removes the row.
     */
    public Uni<EditedOverride> editOverride(UUID siteId, String name, OverrideEdit edit, Instant now) {
        return pool.withTransaction(connection -> connection.preparedQuery("SELECT " + OVERRIDE_COLUMNS
                        + " FROM cookie_overrides WHERE site_id = $1 AND name = $2 FOR UPDATE")
                .execute(Tuple.of(siteId, name))
                .flatMap(rows -> {
                    CookieOverride before = rows.size() == 0 ? CookieOverride.none(name)
                            : cookieOverride(rows.iterator().next());
                    CookieOverride after = edit.applyTo(before);
                    if (after.equals(before)) {
                        return Uni.createFrom().item(new EditedOverride(after, false));
                    }
                    if (after.empty()) {
                        return connection.preparedQuery("DELETE FROM cookie_overrides WHERE site_id = $1 AND name = $2")
                                .execute(Tuple.of(siteId, name)).map(deleted -> new EditedOverride(after, true));
                    }
                    return connection.preparedQuery("INSERT INTO cookie_overrides (site_id, name, category, purpose, "
                                    + "vendor, retention, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                                    + "ON CONFLICT (site_id, name) DO UPDATE SET category = $3, purpose = $4, "
                                    + "vendor = $5, retention = $6, updated_at = $7")
                            .execute(Tuple.from(Arrays.asList(siteId, name,
                                    after.category() == null ? null : after.category().label(), after.purpose(),
                                    after.vendor(), after.retention(), time(now))))
                            .map(saved -> new EditedOverride(after, true));
                }));
    }

    /** The cookie overrides of several sites, by site; a site without any is absent. */
    public Uni<Map<UUID, Map<String, CookieOverride>>> cookieOverrides(List<UUID> siteIds) {
        return pool.preparedQuery("SELECT site_id, " + OVERRIDE_COLUMNS + " FROM cookie_overrides "
                        + "WHERE site_id = ANY($1) ORDER BY site_id, name")
                .execute(Tuple.of(siteIds.toArray(UUID[]::new))).map(rows -> {
                    Map<UUID, Map<String, CookieOverride>> bySite = new HashMap<>();
                    for (Row r : rows) {
                        bySite.computeIfAbsent(r.getUUID("site_id"), id -> new LinkedHashMap<>())
                                .put(r.getString("name"), cookieOverride(r));
                    }
                    return bySite;
                });
    }

    private static CookieOverride cookieOverride(Row r) {
        String category = r.getString("category");
        return new CookieOverride(r.getString("name"), category == null ? null : Category.fromLabel(category),
                r.getString("purpose"), r.getString("vendor"), r.getString("retention"));
    }

    /** Removes the override; false when there was none. */
    public Uni<Boolean> deleteOverride(UUID siteId, String name) {
        return pool.preparedQuery("DELETE FROM cookie_overrides WHERE site_id = $1 AND name = $2")
                .execute(Tuple.of(siteId, name)).map(rows -> rows.rowCount() > 0);
    }

    // ---- declared tracker hosts ----

    public Uni<Map<String, Category>> hostOverrides(UUID siteId) {
        return pool.preparedQuery("SELECT host AS name, category FROM tracker_host_overrides WHERE site_id = $1 "
                        + "ORDER BY host")
                .execute(Tuple.of(siteId)).map(ScanRepository::overrideMap);
    }

    /** Sets the host's category; true when it changed anything. */
    public Uni<Boolean> putHostOverride(UUID siteId, String host, Category category, Instant now) {
        return pool.preparedQuery("INSERT INTO tracker_host_overrides (site_id, host, category, updated_at) "
                        + "VALUES ($1, $2, $3, $4) ON CONFLICT (site_id, host) DO UPDATE SET category = $3, "
                        + "updated_at = $4 WHERE tracker_host_overrides.category <> $3")
                .execute(Tuple.of(siteId, host, category.label(), time(now)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Removes the host; false when it was not declared. */
    public Uni<Boolean> deleteHostOverride(UUID siteId, String host) {
        return pool.preparedQuery("DELETE FROM tracker_host_overrides WHERE site_id = $1 AND host = $2")
                .execute(Tuple.of(siteId, host)).map(rows -> rows.rowCount() > 0);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }
}
