package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The visitor's receipt is signed, checkable with the published key alone, and names the stored record. */
@QuarkusTest
@ExternalServersToo
class SignedReceiptTest {

    private static final String ORIGIN = "https://www.example.test";

    @Test
    void theReceiptIsSignedAndNamesTheStoredRecord() throws Exception {
        JsonPath site = createSite("Receipts", "www.example.test");
        recordConsent(site, ORIGIN, "reject_all", false, false);
        JsonPath answer = recordConsent(site, ORIGIN, "accept_all", true, true);
        SignedReceipt receipt = answer.getObject("signed", SignedReceipt.class);

        assertEquals(UUID.fromString(site.getString("id")), receipt.siteId());
        assertEquals(answer.getLong("recordId"), receipt.recordId());
        assertEquals(2, receipt.seq());
        assertTrue(receipt.batchFirst() <= 2 && receipt.batchLast() >= 2, receipt.toString());
        assertEquals(answer.getString("receipt"), receipt.hash());
        assertEquals(receipt.batchRoot(), receipt.rootFromProof());
        assertTrue(signatureHolds(receipt), "checked with the JDK's Ed25519 and the published key");

        String stored = given().get("/api/v1/consents/" + answer.getString("consentId")).then().statusCode(200)
                .extract().path("records[0].receipt");
        assertEquals(receipt.hash(), stored);
    }

    /** Verified with the JDK's own Ed25519, independent of the library the service signs with. */
    static boolean signatureHolds(SignedReceipt receipt) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publishedKeys().get(receipt.keyId()));
        verifier.update(receipt.statement());
        return verifier.verify(Base64.getDecoder().decode(receipt.signature()));
    }

    private static Map<String, PublicKey> publishedKeys() {
        List<Map<String, String>> keys = given().get("/.well-known/akkoord-keys.json").then().statusCode(200)
                .extract().jsonPath().getList("keys");
        return keys.stream().collect(Collectors.toMap(k -> k.get("keyId"), k -> PublicKeys.decode(k.get("publicKey"))));
    }
}
