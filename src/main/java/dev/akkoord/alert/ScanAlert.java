package dev.akkoord.alert;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.akkoord.classify.Category;
import dev.akkoord.scan.ScanCookie;
import dev.akkoord.scan.ScanStatus;
import dev.akkoord.scan.ScanView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What one finished scan has to tell a site's owners, per kind of alert: the cookies concerned, or why the scan
 * failed. The same content goes out as a plain-text mail and as the webhook's JSON body.
 *
 * @param site     the site as owners know it: its first domain
 * @param findings per kind, one line per cookie ({@code name (domain, category)}) or the failure's reason
 */
record ScanAlert(UUID siteId, String site, UUID scanId, String status, Map<AlertKind, List<String>> findings) {

    static ScanAlert of(ScanView scan, List<String> domains) {
        Map<AlertKind, List<String>> findings = new EnumMap<>(AlertKind.class);
        if (scan.status() == ScanStatus.FAILED) {
            findings.put(AlertKind.FAILURE, List.of(scan.failure() == null ? "The scan could not read the site."
                    : scan.failure()));
        }
        if (scan.diff() != null && scan.diff().previousScanId() != null && !scan.diff().added().isEmpty()) {
            findings.put(AlertKind.NEW_COOKIES, scan.diff().added().stream()
                    .map(ref -> ref.name() + " (" + ref.domain() + ", " + ref.category() + ")").toList());
        }
        if (scan.results() != null && scan.status().listsCookies()) {
            List<String> violations = lines(scan.results().cookies().stream().filter(ScanCookie::violation).toList());
            if (!violations.isEmpty()) {
                findings.put(AlertKind.VIOLATIONS, violations);
            }
            List<String> unclassified = lines(scan.results().cookies().stream()
                    .filter(cookie -> cookie.category() == Category.UNCLASSIFIED).toList());
            if (!unclassified.isEmpty()) {
                findings.put(AlertKind.UNCLASSIFIED, unclassified);
            }
        }
        String site = domains.isEmpty() ? scan.siteId().toString() : domains.get(0);
        return new ScanAlert(scan.siteId(), site, scan.id(), scan.status().key(), findings);
    }

    private static List<String> lines(List<ScanCookie> cookies) {
        return cookies.stream().map(cookie -> cookie.name() + " (" + cookie.domain() + ", "
                + cookie.category().label() + ")").toList();
    }

    /**
     * Without the cookies the previous scan that listed cookies already reported as set without consent or to review:
     * a daily scan would otherwise repeat them every day until fixed, and the one new violation would drown.
     */
    ScanAlert withoutKnown(ScanView previousListing, List<String> domains) {
        if (previousListing == null) {
            return this;
        }
        ScanAlert before = of(previousListing, domains);
        Map<AlertKind, List<String>> kept = new EnumMap<>(findings);
        for (AlertKind kind : List.of(AlertKind.VIOLATIONS, AlertKind.UNCLASSIFIED)) {
            List<String> known = before.findings.getOrDefault(kind, List.of());
            List<String> fresh = kept.getOrDefault(kind, List.of()).stream().filter(line -> !known.contains(line))
                    .toList();
            if (fresh.isEmpty()) {
                kept.remove(kind);
            } else {
                kept.put(kind, fresh);
            }
        }
        return new ScanAlert(siteId, site, scanId, status, kept);
    }

    /** Without the failure when the scan before failed the same way: owners hear when it starts, not every day. */
    ScanAlert withoutRepeatedFailure(ScanView current, ScanView previousFinished) {
        if (previousFinished == null || previousFinished.status() != ScanStatus.FAILED
                || !Objects.equals(previousFinished.failureKind(), current.failureKind())) {
            return this;
        }
        Map<AlertKind, List<String>> kept = new EnumMap<>(findings);
        kept.remove(AlertKind.FAILURE);
        return new ScanAlert(siteId, site, scanId, status, kept);
    }

    /** Only the kinds the owners chose. */
    ScanAlert chosen(AlertSettings settings) {
        Map<AlertKind, List<String>> kept = new EnumMap<>(AlertKind.class);
        findings.forEach((kind, lines) -> {
            if (settings.wants(kind)) {
                kept.put(kind, lines);
            }
        });
        return new ScanAlert(siteId, site, scanId, status, kept);
    }

    boolean isEmpty() {
        return findings.isEmpty();
    }

    String subject() {
        List<String> parts = new ArrayList<>();
        findings.forEach((kind, lines) -> parts.add(kind == AlertKind.FAILURE ? kind.label()
                : kind.label() + " (" + lines.size() + ")"));
        return "Akkoord, " + site + ": " + String.join(", ", parts);
    }

    String text() {
        StringBuilder text = new StringBuilder("The scan of ").append(site).append(" (scan ").append(scanId)
                .append(") found:\n");
        findings.forEach((kind, lines) -> {
            text.append('\n').append(capitalised(kind.label())).append(":\n");
            lines.forEach(line -> text.append("  - ").append(line).append('\n'));
        });
        text.append("\nSee the site's Cookies and Scans pages in the Akkoord dashboard (/dashboard/sites/")
                .append(siteId).append("/scans). You get this mail because you look after this site; its Alerts "
                        + "page says which alerts are sent.\n");
        return text.toString();
    }

    String json() {
        JsonObject alerts = new JsonObject();
        findings.forEach((kind, lines) -> alerts.put(kind.code(), new JsonArray(new ArrayList<>(lines))));
        return new JsonObject()
                .put("event", "scan-alert")
                .put("siteId", siteId.toString())
                .put("site", site)
                .put("scanId", scanId.toString())
                .put("status", status)
                .put("alerts", alerts)
                .encode();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
