package dev.akkoord.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Site API keys are 256-bit random secrets, so an unsalted SHA-256 is enough to store them: it cannot be reversed
 * and lets a key be found by its hash in one indexed lookup.
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "ak_";

    private ApiKeys() {
    }

    public static String newKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + HexFormat.of().formatHex(secret);
    }

    public static String hash(String key) {
        return sha256Hex(key);
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static boolean looksLikeKey(String token) {
        return token.startsWith(PREFIX) && token.length() == PREFIX.length() + 64;
    }
}
