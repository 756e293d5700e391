package dev.akkoord.widget.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** The built-in demo shop at {@code /demo}. */
@ConfigMapping(prefix = "akkoord.demo")
public interface DemoConfig {

    /** Create the demo site on first start and serve {@code /demo}. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Hosts and ports the demo page is opened on; its consents are accepted from these origins only (a host without
     * a port would mean port 80).
     */
    @WithDefault("localhost:${quarkus.http.port},127.0.0.1:${quarkus.http.port}")
    List<String> domains();
}
