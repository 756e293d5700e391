package dev.akkoord.consent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checkpoints as JSON lines in a file outside the database, appended and never rewritten: a copy that whoever
 * controls the database does not control. The offline verifier reads the same file. Blocking: callers run it on a
 * worker thread.
 */
public final class CheckpointLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public CheckpointLog(Path file) {
        this.file = file;
    }

    public synchronized void append(List<Checkpoint> checkpoints) {
        if (checkpoints.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (Checkpoint cp : checkpoints) {
            lines.append(line(cp)).append('\n');
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the checkpoint log " + file, e);
        }
    }

    /** Every checkpoint in the file of the site (all sites for null); none when there is no file. */
    public List<Checkpoint> read(UUID siteId) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Checkpoint> found = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                Checkpoint cp = parse(line);
                if (siteId == null || cp.siteId().equals(siteId)) {
                    found.add(cp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint log " + file, e);
        }
        return found;
    }

    static String line(Checkpoint cp) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("site", cp.siteId().toString());
        fields.put("kind", cp.kind());
        fields.put("seq", cp.seq());
        fields.put("hash", cp.hash());
        fields.put("signedAt", cp.signedAt().toString());
        fields.put("keyId", cp.keyId());
        fields.put("signature", cp.signature());
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Checkpoint parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return new Checkpoint(UUID.fromString(n.get("site").asText()), n.get("kind").asText(),
                    n.get("seq").asLong(), n.get("hash").asText(), Instant.parse(n.get("signedAt").asText()),
                    n.get("keyId").asText(), n.get("signature").asText());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a checkpoint line: " + line, e);
        }
    }
}
