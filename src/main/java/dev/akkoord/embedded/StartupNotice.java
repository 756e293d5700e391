package dev.akkoord.embedded;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/** Tells the person who just started Akkoord where to go next. */
@Singleton
final class StartupNotice {

    private static final Logger LOG = Logger.getLogger(StartupNotice.class);

    void announce(@Observes StartupEvent event, @ConfigProperty(name = "quarkus.http.port") int port) {
        if (LaunchMode.current() == LaunchMode.TEST) {
            return;
        }
        String base = "http://localhost:" + port;
        LOG.infof("Akkoord is running. Open %s/demo for the demo site, %s/dashboard to manage sites, "
                + "%s/q/swagger-ui for the API.", base, base, base);
    }
}
