package dev.akkoord.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How every webhook Akkoord sends is signed: {@code X-Akkoord-Signature: sha256=<hex HMAC-SHA256 of the body>}, keyed
 * with the receiver's secret, so a receiver can tell our POSTs from anyone else's.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Akkoord-Signature";

    private WebhookSignature() {
    }

    public static String of(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
