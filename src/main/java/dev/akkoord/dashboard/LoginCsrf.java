package dev.akkoord.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in form's CSRF token, before any session exists: an HMAC of the random pre-login cookie, so a forged
 * form from another site (which can neither read nor set that SameSite=Strict cookie) cannot sign a visitor into
 * an attacker's account. The key derives from the operator token, which every instance shares.
 */
@ApplicationScoped
final class LoginCsrf {

    private final byte[] key;

    LoginCsrf(@ConfigProperty(name = "akkoord.admin-token") Optional<String> adminToken) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = adminToken.filter(token -> !token.isBlank())
                .map(token -> hmac(token.getBytes(StandardCharsets.UTF_8), "akkoord dashboard login csrf"))
                .orElse(secret);
    }

    String tokenFor(String preLoginCookie) {
        return HexFormat.of().formatHex(hmac(key, preLoginCookie));
    }

    boolean matches(String preLoginCookie, String token) {
        if (preLoginCookie == null || preLoginCookie.isBlank() || token == null) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(preLoginCookie).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
