package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.akkoord.testsupport.ExternalServersToo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The offline verifier on what an auditor would be handed: the CSV export, the checkpoint log, the public keys. */
@QuarkusTest
@ExternalServersToo
class OfflineVerifierTest {

    private static final String ORIGIN = "https://www.example.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Checkpointer checkpointer;

    @Inject
    Superuser superuser;

    @ConfigProperty(name = "akkoord.evidence.checkpoint-log")
    Path checkpointLog;

    @TempDir
    Path dir;

    private String output;

    @Test
    void anUntouchedExportIsIntact() throws Exception {
        JsonPath site = siteWithSignedRecords();
        assertEquals(0, verify(site), output);
        assertTrue(output.contains("intact"), output);
    }

    @Test
    void aRewriteTheSuperuserRecomputedIsFoundWithoutTheService() throws Exception {
        JsonPath site = siteWithSignedRecords();
        superuser.rewrite(siteId(site), 1, "accept_all"); // record 1 was reject_all

        assertEquals(1, verify(site), output);
        assertTrue(output.contains("differs from the checkpoint"), output);
    }

    @Test
    void anExportEditedAfterItWasTakenIsFound() throws Exception {
        JsonPath site = siteWithSignedRecords();
        Path export = export(site);
        Files.writeString(export, Files.readString(export).replaceFirst(",reject_all,", ",accept_all,"));

        assertEquals(1, run(export), output);
        assertTrue(output.contains("no longer matches its hash"), output);
    }

    @Test
    void missingArgumentsAreAUsageError() {
        assertEquals(2, OfflineVerifier.run(List.of("--export", "x.csv"), new PrintStream(new ByteArrayOutputStream())));
    }

    private JsonPath siteWithSignedRecords() {
        JsonPath site = createSite("Offline", "www.example.test");
        for (int i = 0; i < 4; i++) {
            recordConsent(site, ORIGIN, i % 2 == 0 ? "reject_all" : "accept_all", i % 2 == 1, i % 2 == 1);
        }
        checkpointer.checkpointHeads().await().atMost(TIMEOUT);
        return site;
    }

    private int verify(JsonPath site) throws Exception {
        return run(export(site));
    }

    private int run(Path export) throws Exception {
        Path keys = dir.resolve("akkoord-keys.json");
        Files.writeString(keys, given().get("/.well-known/akkoord-keys.json").then().statusCode(200).extract().asString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = OfflineVerifier.run(List.of("--export", export.toString(), "--checkpoints",
                checkpointLog.toString(), "--keys", keys.toString()), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        return status;
    }

    private Path export(JsonPath site) throws Exception {
        Path export = dir.resolve("consents-" + site.getString("id") + ".csv");
        Files.writeString(export, withKey(site.getString("apiKey")).accept("text/csv")
                .get("/api/v1/sites/" + site.getString("id") + "/consents").then().statusCode(200).extract().asString());
        return export;
    }

    private static UUID siteId(JsonPath site) {
        return UUID.fromString(site.getString("id"));
    }
}
