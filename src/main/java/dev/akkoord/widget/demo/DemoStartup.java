package dev.akkoord.widget.demo;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates the demo site on first start, so {@code /demo} works as soon as the platform is up. */
@ApplicationScoped
final class DemoStartup {

    private static final Logger LOG = Logger.getLogger(DemoStartup.class);

    void createDemoSite(@Observes StartupEvent started, DemoConfig config, DemoSite demo) {
        if (!config.enabled()) {
            return;
        }
        try {
            // Hibernate Reactive needs a Vert.x context; start-up runs on the main thread, where waiting is fine.
            LOG.debugf("Demo site %s", VertxContextSupport.subscribeAndAwait(demo::siteId));
        } catch (Throwable e) {
            // The platform is useful without its demo; /demo retries on first request.
            LOG.warn("Could not prepare the demo site; /demo will try again", e);
        }
    }
}
