package dev.akkoord.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings under {@code akkoord.classify}. */
@ConfigMapping(prefix = "akkoord.classify")
public interface ClassifyConfig {

    /** Below this confidence the vendor and model layers give no answer and the cookie is unclassified. */
    @WithDefault("0.6")
    double minConfidence();

    /** Most names one {@code POST /api/v1/classify} request may carry. */
    @WithDefault("10000")
    int maxNames();

    /** Largest request body {@code POST /api/v1/classify} accepts, in bytes. */
    @WithDefault("1048576")
    int maxBodyBytes();
}
