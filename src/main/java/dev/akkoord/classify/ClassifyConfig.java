package dev.akkoord.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings under {@code akkoord.classify}. */
@ConfigMapping(prefix = "akkoord.classify")
public interface ClassifyConfig {

    /** Below this confidence the model's guess is not used and the cookie is unclassified. */
    @WithDefault("0.6")
    double minConfidence();

    /** Most names one {@code POST /api/v1/classify} request may carry (the body size limit is dev.akkoord.web.BodyLimits). */
    @WithDefault("10000")
    int maxNames();
}
