package dev.akkoord.scan;

import static dev.akkoord.testsupport.Api.asOperator;
import static dev.akkoord.testsupport.Api.createSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.akkoord.site.BannerCookies;
import dev.akkoord.site.SiteService;
import dev.akkoord.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** A site from before the site package kept the banner's lists gets them from the scanner at start-up, once. */
@QuarkusTest
class BannerListsBackfillTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    BannerListsBackfill backfill;

    @Inject
    SiteService sites;

    @Inject
    TestDatabase db;

    @Test
    void shouldPublishTheListsOfASiteThatHasNoneAndLeaveOthersAlone() throws Throwable {
        UUID old = declaredSite("Old " + UUID.randomUUID());
        UUID current = declaredSite("Current " + UUID.randomUUID());
        // As a site from before the table looks; the service itself may not delete these rows.
        db.query("DELETE FROM banner_cookie_lists WHERE site_id = $1", old);
        assertTrue(lists(old).cookies().isEmpty(), "without a stored copy the site has no lists");
        Object untouched = updatedAt(current);

        int published = backfill.run().await().atMost(WAIT);

        assertTrue(published >= 1, "published " + published);
        assertEquals(List.of("zq_promo"), lists(old).cookies().get("marketing").stream()
                .map(BannerCookies.CookieInfo::name).toList());
        assertEquals(untouched, updatedAt(current), "a site that has its lists is not published again");
        assertEquals(0, backfill.run().await().atMost(WAIT), "a second start finds nothing to do");
    }

    /** A site whose owner declared a marketing cookie, which the scanner publishes to the site's lists. */
    private UUID declaredSite(String name) {
        UUID id = UUID.fromString(createSite(name, "www.example.test").getString("id"));
        asOperator().body(Map.of("category", "marketing", "purpose", "Remembers a promotion"))
                .put("/api/v1/sites/" + id + "/cookies/zq_promo").then().statusCode(200);
        return id;
    }

    private BannerCookies lists(UUID siteId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> sites.bannerCookies(siteId));
    }

    private Object updatedAt(UUID siteId) {
        return db.query("SELECT updated_at FROM banner_cookie_lists WHERE site_id = $1", siteId).iterator().next()
                .getValue("updated_at");
    }
}
