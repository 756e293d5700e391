package dev.akkoord.scan.browser;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Scans in headless Chromium, as production does by default; the other API tests pin the static crawl. */
public final class BrowserScanProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("akkoord.scan.browser", "auto", "akkoord.scan.request-timeout", "5s",
                "akkoord.scan.max-body-bytes", "4194304");
    }
}
