package dev.akkoord.alert;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/**
 * Sends an alert mail through SMTP ({@code akkoord.alerts.mail=smtp} and the {@code quarkus.mailer.*} settings), or,
 * until a server is configured, writes it to the log; either way the delivery log keeps it.
 */
@ApplicationScoped
class AlertMail {

    private static final Logger LOG = Logger.getLogger(AlertMail.class);

    private final ReactiveMailer mailer;
    private final AlertConfig config;

    AlertMail(ReactiveMailer mailer, AlertConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    /** Never fails: the outcome is the delivery's status, attempts and detail. */
    Uni<Sent> send(String to, String subject, String text) {
        if (config.mail() == AlertConfig.MailDelivery.LOG) {
            LOG.infof("Alert mail (no SMTP server configured, akkoord.alerts.mail=log) to %s: %s%n%s", to, subject,
                    text);
            return Uni.createFrom().item(new Sent(AlertDelivery.LOGGED, 1, "written to the log: no SMTP server is "
                    + "configured (akkoord.alerts.mail=log)"));
        }
        return Sent.retried(config, "Alert mail to " + to,
                () -> mailer.send(Mail.withText(to, subject, text).setFrom(config.mailFrom())));
    }
}
