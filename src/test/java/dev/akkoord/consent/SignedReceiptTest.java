package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The visitor's receipt is a signed statement anyone can check with the published key, and nobody can alter. */
@QuarkusTest
class SignedReceiptTest {

    private static final String ORIGIN = "https://www.example.test";

    @Test
    void theReceiptIsSignedAndNamesTheStoredRecord() throws Exception {
        JsonPath site = createSite("Receipts", "www.example.test");
        recordConsent(site, ORIGIN, "reject_all", false, false);
        JsonPath answer = recordConsent(site, ORIGIN, "accept_all", true, true);

        assertEquals(site.getString("id"), answer.getString("signed.siteId"));
        assertEquals(answer.getLong("recordId"), answer.getLong("signed.recordId"));
        assertEquals(2, answer.getLong("signed.seq"));
        assertEquals(answer.getString("receipt"), answer.getString("signed.hash"));
        assertTrue(verifies(answer, answer.getString("signed.hash")), "the receipt's signature checks out");

        // Changing any signed field breaks the signature: here the hash, as a forger would for another record.
        assertFalse(verifies(answer, "0".repeat(64)));
        String stored = given().get("/api/v1/consents/" + answer.getString("consentId")).then().statusCode(200)
                .extract().path("records[0].receipt");
        assertEquals(answer.getString("signed.hash"), stored);
    }

    private static boolean verifies(JsonPath answer, String hash) throws Exception {
        Map<String, PublicKey> keys = publishedKeys();
        byte[] statement = SignedReceipt.statement(UUID.fromString(answer.getString("signed.siteId")),
                answer.getLong("signed.recordId"), answer.getLong("signed.seq"), hash,
                Instant.parse(answer.getString("signed.recordedAt")));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(keys.get(answer.getString("signed.keyId")));
        verifier.update(statement);
        return verifier.verify(Base64.getDecoder().decode(answer.getString("signed.signature")));
    }

    private static Map<String, PublicKey> publishedKeys() {
        List<Map<String, String>> keys = given().get("/.well-known/akkoord-keys.json").then().statusCode(200)
                .extract().jsonPath().getList("keys");
        return keys.stream().collect(Collectors.toMap(k -> k.get("keyId"),
                k -> PublicKeys.decode(k.get("publicKey"))));
    }
}
