package dev.akkoord.scan.browser;

import java.time.Duration;

/**
 * How long a journey waits. After the load event a page is settled once no request has been in flight for {@code
 * quiet} and at least {@code minDwell} has passed, or at {@code maxSettle} whatever it still loads.
 *
 * @param pageTimeout whole time of one journey, from the new context to its last cookie
 * @param bannerWait  how long a page with Akkoord's script is given to show its banner
 */
public record VisitSettings(Duration pageTimeout, Duration quiet, Duration minDwell, Duration maxSettle,
        Duration bannerWait) {

    public static VisitSettings defaults() {
        return new VisitSettings(Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofSeconds(3));
    }
}
