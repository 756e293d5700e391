package dev.akkoord.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.akkoord.account.AccountService;
import dev.akkoord.scan.ScanFinished;
import dev.akkoord.scan.ScanStatus;
import dev.akkoord.scan.ScanService;
import dev.akkoord.scan.ScanView;
import dev.akkoord.web.Outages;
import io.smallrye.mutiny.Uni;

/**
 * After each scan, tells the site's owners what they chose to hear (new cookies, cookies set without consent,
 * cookies to review, a failed scan): a mail to each owner granted the site and a POST to the site's webhook, each
 * logged as a delivery. Off the scan's path: nothing here can fail or slow a scan.
 */
@ApplicationScoped
class ScanAlerts {

    private static final Logger LOG = Logger.getLogger(ScanAlerts.class);
    static final String NO_OWNER = "(no owner is granted this site)";

    private final ScanService scans;
    private final AlertStore store;
    private final AccountService accounts;
    private final AlertMail mail;
    private final AlertWebhook webhook;
    private final Outages outages;

    ScanAlerts(ScanService scans, AlertStore store, AccountService accounts, AlertMail mail, AlertWebhook webhook,
            Outages outages) {
        this.outages = outages;
        this.scans = scans;
        this.store = store;
        this.accounts = accounts;
        this.mail = mail;
        this.webhook = webhook;
    }

    void onScanFinished(@Observes ScanFinished finished) {
        try {
            send(finished).subscribe().with(ignored -> { }, failure -> notSent(finished, failure));
        } catch (RuntimeException e) {
            notSent(finished, e);
        }
    }

    /** A database outage is logged once by {@link Outages}; a line per scan would repeat it. */
    private void notSent(ScanFinished finished, Throwable failure) {
        if (!outages.noticed(failure)) {
            LOG.warnf("Alerts of scan %s not sent: %s", finished.scanId(), failure.getMessage());
        }
    }

    Uni<Void> send(ScanFinished finished) {
        return scans.scan(finished.siteId(), finished.scanId())
                .flatMap(scan -> store.settings(finished.siteId())
                        .flatMap(settings -> news(scan, finished.domains())
                                .flatMap(alert -> deliver(alert.chosen(settings), settings))));
    }

    /** What this scan found that the scans before it did not already say. */
    private Uni<ScanAlert> news(ScanView scan, List<String> domains) {
        ScanAlert alert = ScanAlert.of(scan, domains);
        if (scan.status() == ScanStatus.FAILED) {
            return scans.listScans(scan.siteId()).map(history -> alert.withoutRepeatedFailure(scan,
                    finishedBefore(history, scan)));
        }
        UUID previousListing = scan.diff() == null ? null : scan.diff().previousScanId();
        if (previousListing == null) {
            return Uni.createFrom().item(alert);
        }
        return scans.scan(scan.siteId(), previousListing).map(previous -> alert.withoutKnown(previous, domains));
    }

    /** The latest scan that finished before {@code scan}, whatever its outcome; null when none did. */
    private static ScanView finishedBefore(List<ScanView> history, ScanView scan) {
        if (scan.finishedAt() == null) {
            return null;
        }
        return history.stream()
                .filter(other -> !other.id().equals(scan.id()) && other.finishedAt() != null
                        && other.finishedAt().isBefore(scan.finishedAt()))
                .max(Comparator.comparing(ScanView::finishedAt))
                .orElse(null);
    }

    private Uni<Void> deliver(ScanAlert alert, AlertSettings settings) {
        if (alert.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> deliveries = new ArrayList<>();
        if (settings.byMail()) {
            deliveries.add(mailOwners(alert));
        }
        if (settings.webhookUrl() != null) {
            String body = alert.json();
            deliveries.add(webhook.post(settings.webhookUrl(), settings.webhookSecret(), body)
                    .flatMap(sent -> store.record(delivery(alert, "webhook", settings.webhookUrl(), body, sent))));
        }
        return Uni.join().all(deliveries).andCollectFailures().replaceWithVoid();
    }

    private Uni<Void> mailOwners(ScanAlert alert) {
        String text = alert.text();
        return accounts.ownerAddresses(alert.siteId()).flatMap(owners -> {
            if (owners.isEmpty()) {
                // Nobody to mail, but the site's operators still see what would have been said.
                return store.record(delivery(alert, "mail", NO_OWNER, text, new Sent(AlertDelivery.LOGGED,
                        0, "no owner account is granted this site")));
            }
            List<Uni<Void>> sent = owners.stream().map(owner -> mail.send(owner, alert.subject(), text)
                    .flatMap(outcome -> store.record(delivery(alert, "mail", owner, text, outcome)))).toList();
            return Uni.join().all(sent).andCollectFailures().replaceWithVoid();
        });
    }

    private static AlertDelivery delivery(ScanAlert alert, String channel, String recipient, String body,
            Sent sent) {
        return new AlertDelivery(UUID.randomUUID(), alert.siteId(), alert.scanId(), channel, recipient,
                alert.subject(), body, sent.status(), sent.attempts(), sent.detail(), Instant.now());
    }
}
