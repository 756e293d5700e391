package dev.akkoord.web;

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
        return Sha256.hex(key);
    }

    public static boolean looksLikeKey(String token) {
        return token.startsWith(PREFIX) && token.length() == PREFIX.length() + 64;
    }
}
