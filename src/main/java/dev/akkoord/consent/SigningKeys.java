package dev.akkoord.consent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * The Ed25519 keys that sign checkpoints. They live in files outside the database (owner-only, 0600), one per key,
 * named so the newest sorts last; the newest signs, all of them verify, so a rotated-out key still vouches for what
 * it signed. The first start makes one.
 */
@ApplicationScoped
@Startup
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final String SUFFIX = ".ed25519";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
            .withZone(ZoneOffset.UTC);

    /** A key as published: its id and its public half. */
    public record PublicEntry(String keyId, PublicKey publicKey, Instant created) {
    }

    /** A key as loaded: the raw halves Bouncy Castle signs with, and the public key as published. */
    private record Entry(String keyId, PublicKey publicKey, Instant created, byte[] rawPrivate, byte[] rawPublic) {

        Entry(String keyId, PrivateKey privateKey, PublicKey publicKey, Instant created) {
            this(keyId, publicKey, created, Ed25519Raw.privateKey(privateKey), Ed25519Raw.publicKey(publicKey));
        }
    }

    private final Path directory;
    private volatile List<Entry> keys;

    SigningKeys(@ConfigProperty(name = "akkoord.evidence.key-dir") Path directory) {
        this.directory = directory;
        this.keys = load(directory);
        if (keys.isEmpty()) {
            rotate();
        }
    }

    /** Makes a new key the signing one; the old ones stay for verification. */
    public synchronized PublicEntry rotate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Instant created = Instant.now();
            String keyId = keyId(pair.getPublic());
            Files.createDirectories(directory);
            Path file = directory.resolve(STAMP.format(created) + "-" + keyId + SUFFIX);
            Path partial = directory.resolve(file.getFileName() + ".new");
            Files.deleteIfExists(partial);
            Files.createFile(partial,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n",
                    StandardCharsets.US_ASCII);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            keys = load(directory);
            LOG.infof("New checkpoint signing key %s in %s", keyId, file);
            return new PublicEntry(keyId, pair.getPublic(), created);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a signing key to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    /** Signs a checkpoint of record {@code seq} with the newest key. */
    Checkpoint sign(UUID siteId, String kind, long seq, String hash) {
        Entry key = newest();
        Instant signedAt = now();
        return new Checkpoint(siteId, kind, seq, hash, signedAt, key.keyId(),
                signature(key, Checkpoint.statement(siteId, kind, seq, hash, signedAt)));
    }

    /** A signature over a batch of receipts, with the key and time it was made. */
    record BatchSignature(Instant signedAt, String keyId, String signature) {
    }

    /** Signs the Merkle root of a committed batch's receipts with the newest key. */
    BatchSignature signBatch(UUID siteId, long first, long last, String root) {
        Entry key = newest();
        Instant signedAt = now();
        return new BatchSignature(signedAt, key.keyId(),
                signature(key, SignedReceipt.statement(siteId, first, last, root, signedAt)));
    }

    private Entry newest() {
        return keys.get(keys.size() - 1);
    }

    /** Signing times to the microsecond, what PostgreSQL keeps, so a statement read back is the one signed. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String signature(Entry key, byte[] statement) {
        return Base64.getEncoder().encodeToString(Ed25519Raw.sign(key.rawPrivate(), key.rawPublic(), statement));
    }

    /**
     * Every key, oldest first, as published. Read from the directory again each time: another instance sharing it
     * may have rotated.
     */
    public List<PublicEntry> published() {
        List<Entry> current = load(directory);
        if (!current.isEmpty()) {
            keys = current;
        }
        return keys.stream().map(k -> new PublicEntry(k.keyId(), k.publicKey(), k.created())).toList();
    }

    /** What checks signatures: every published key. */
    public PublicKeys verifying() {
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        published().forEach(k -> byId.put(k.keyId(), k.publicKey()));
        return new PublicKeys(byId);
    }

    /** The key id: the first 16 hex digits of the SHA-256 of the public key's X.509 encoding. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
                    .substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static List<Entry> load(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                KeyFactory factory = KeyFactory.getInstance("Ed25519");
                PrivateKey privateKey = factory.generatePrivate(
                        new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0).strip())));
                PublicKey publicKey = PublicKeys.decode(lines.get(1).strip());
                String name = file.getFileName().toString();
                Instant created = STAMP.parse(name.substring(0, name.indexOf('-')), Instant::from);
                entries.add(new Entry(keyId(publicKey), privateKey, publicKey, created));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing keys in " + directory, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("a signing key in " + directory + " is damaged", e);
        }
        return List.copyOf(entries);
    }
}
