package dev.akkoord.site;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A banner change made while a persistent Redis is down cannot drop the cached banner there; when Redis comes back
 * with its append-only file, the old banner is in it again. Visitors must get the new one within seconds anyway.
 */
@QuarkusTest
@ExternalServersToo
@TestProfile(PersistentRedisProfile.class)
class BannerCacheAfterRedisOutageTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    private boolean redisStopped;

    @AfterEach
    void redisRunsAgain() {
        if (redisStopped) {
            PersistentRedisProfile.start();
        }
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        PersistentRedisProfile.stop(); // it is not the suite's, so nothing else would
    }

    @Test
    void aChangeMadeWhileRedisWasDownIsServedWithinSecondsOfItsReturn() throws Exception {
        JsonPath site = createSite("AOF banner", "www.example.test");
        String path = "/api/v1/sites/" + site.getString("id") + "/banner?lang=en";
        String before = given().get(path).then().statusCode(200).extract().path("version");
        assertEquals(before, given().get(path).then().statusCode(200).extract().path("version"), "served from cache");

        String cacheKey = "akkoord:banner:" + site.getString("id");
        assertEquals(":1", PersistentRedisProfile.command("EXISTS", cacheKey), "the banner is in the cache");

        PersistentRedisProfile.stop();
        redisStopped = true;
        assertThrows(IOException.class, () -> PersistentRedisProfile.command("PING"), "Redis is down");
        String changed = withKey(site.getString("apiKey"))
                .body(Map.of("texts", Map.of("en", Map.of("title", "Cookies, changed while Redis was down"))))
                .put("/api/v1/sites/" + site.getString("id")).then().statusCode(200).extract().path("bannerVersion");
        assertNotEquals(before, changed);
        PersistentRedisProfile.start();
        redisStopped = false;
        assertEquals(":1", PersistentRedisProfile.command("EXISTS", cacheKey), "the old banner is back from the file");

        long deadline = System.nanoTime() + WITHIN.toNanos();
        String served;
        do {
            Thread.sleep(200);
            served = given().get(path).then().statusCode(200).extract().path("version");
        } while (!changed.equals(served) && System.nanoTime() < deadline);
        assertEquals(changed, served, "the banner served " + WITHIN.toSeconds() + " s after Redis came back");
        // And it stays the new one: nothing old comes back once Redis answers again.
        for (int i = 0; i < 5; i++) {
            assertEquals(changed, given().get(path).then().statusCode(200).extract().path("version"));
        }
    }
}
