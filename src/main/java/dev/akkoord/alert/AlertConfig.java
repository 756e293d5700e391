package dev.akkoord.alert;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How alerts leave: mail through SMTP (the {@code quarkus.mailer.*} settings) or to the log, and their retries. */
@ConfigMapping(prefix = "akkoord.alerts")
public interface AlertConfig {

    enum MailDelivery { LOG, SMTP }

    /** {@code log} until an SMTP server is configured: mails are logged and shown in the dashboard. */
    @WithDefault("log")
    MailDelivery mail();

    @WithDefault("akkoord@localhost")
    String mailFrom();

    /** Attempts per mail or webhook POST, the first included. */
    @WithDefault("4")
    int attempts();

    /** The wait before the second attempt, doubling after. */
    @WithDefault("2s")
    Duration backoff();

    /** The longest one webhook POST may take. */
    @WithDefault("10s")
    Duration webhookTimeout();
}
