package dev.akkoord.consent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code java -jar akkoord.jar verify --export consents.csv --checkpoints checkpoints.log --keys akkoord-keys.json}:
 * checks a site's consent export against the signed checkpoints and the published keys, without the service or its
 * database. The export must run to the present (no {@code to}); the checkpoints are the log file (or any copy of
 * it), the keys the document at {@code /.well-known/akkoord-keys.json}. Exit status 0: intact; 1: problems found;
 * 2: the command could not run.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    public static int run(List<String> args, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            options.put(args.get(i), args.get(i + 1));
        }
        String export = options.get("--export");
        String checkpoints = options.get("--checkpoints");
        String keys = options.get("--keys");
        if (export == null || checkpoints == null || keys == null || args.size() % 2 != 0) {
            out.println("usage: verify --export consents.csv --checkpoints checkpoints.log --keys akkoord-keys.json");
            return 2;
        }
        try {
            List<ChainVerifier.Problem> problems = verify(Path.of(export), Path.of(checkpoints), Path.of(keys), out);
            if (problems.isEmpty()) {
                out.println("intact");
                return 0;
            }
            problems.forEach(p -> out.println(p.problem())); // each names its record
            return 1;
        } catch (IOException | RuntimeException e) {
            out.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    static List<ChainVerifier.Problem> verify(Path export, Path checkpointLog, Path keyDocument, PrintStream out)
            throws IOException {
        List<ConsentRecord> records = new ArrayList<>();
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                records.add(ConsentCsv.read(line));
            }
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the export holds no records");
        }
        UUID siteId = records.get(0).siteId();
        if (records.stream().anyMatch(r -> !r.siteId().equals(siteId))) {
            throw new IllegalArgumentException("the export mixes sites; verify one site's export at a time");
        }
        records.sort(Comparator.comparingLong(ConsentRecord::seq));
        ConsentRecord first = records.get(0);
        ChainVerifier.Walk walk = new ChainVerifier.Walk();
        walk.expectedSeq = first.seq(); // its link to what came before is the anchor's to vouch for
        records.forEach(r -> ChainVerifier.check(r, walk));
        List<ChainVerifier.Problem> problems = new ArrayList<>(walk.problems);
        ConsentRecord last = records.get(records.size() - 1);
        Map<Long, String> hashAt = new HashMap<>();
        records.forEach(r -> hashAt.put(r.seq(), r.hash()));
        boolean purged = first.seq() > 1 || !ChainHash.GENESIS.equals(first.prevHash());
        CheckpointCheck.Chain chain = new CheckpointCheck.Chain(purged ? first.seq() - 1 : null,
                purged ? first.prevHash() : null, last.seq(), hashAt);
        List<Checkpoint> signed = new CheckpointLog(checkpointLog).read(siteId);
        problems.addAll(CheckpointCheck.check(chain, signed, publicKeys(keyDocument)).problems());
        out.println("site " + siteId + ": records " + first.seq() + ".." + last.seq() + ", " + signed.size()
                + " checkpoints");
        return problems;
    }

    private static PublicKeys publicKeys(Path document) throws IOException {
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        for (JsonNode key : new ObjectMapper().readTree(document.toFile()).path("keys")) {
            byId.put(key.path("keyId").asText(), PublicKeys.decode(key.path("publicKey").asText()));
        }
        return new PublicKeys(byId);
    }
}
