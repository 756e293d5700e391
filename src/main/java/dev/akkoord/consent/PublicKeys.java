package dev.akkoord.consent;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Checking signatures with published keys, on the service and in the offline verifier alike: nothing here needs the
 * private keys, the database or Quarkus.
 */
public final class PublicKeys {

    /** Raw 32-byte keys by key id, taken out of their encoding once. */
    private final Map<String, byte[]> byId = new HashMap<>();

    public PublicKeys(Map<String, PublicKey> byId) {
        byId.forEach((id, key) -> this.byId.put(id, Ed25519Raw.publicKey(key)));
    }

    /** A public key as published: base64 of its X.509 (SubjectPublicKeyInfo) encoding. */
    public static PublicKey decode(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Null when the checkpoint's signature is good; otherwise what is wrong with it. */
    public String problemWith(Checkpoint checkpoint) {
        byte[] key = byId.get(checkpoint.keyId());
        if (key == null) {
            return "is signed with an unknown key " + checkpoint.keyId();
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(checkpoint.signature());
        } catch (IllegalArgumentException e) {
            return "has a signature that cannot be read";
        }
        return Ed25519Raw.verify(key, checkpoint.statement(), signature) ? null
                : "has a signature that does not match its content";
    }
}
