package dev.akkoord.classify.bench;

import dev.akkoord.classify.Category;
import dev.akkoord.classify.CookieFacts;
import dev.akkoord.classify.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The independent evaluation set in {@code bench/classify/}: real cookie names, each labelled from the vendor's or the
 * site's own published cookie table (cited per row), never from the Open Cookie Database, and kept out of every
 * knowledge source (EvaluationIndependenceTest checks it). Nothing in {@code src/main} reads it.
 */
public final class EvaluationSet {

    public static final Path DIRECTORY = Path.of("bench", "classify");
    public static final List<String> FILES = List.of("evaluation-vendors.csv", "evaluation-sites.csv");
    /**
     * A second set, labelled the same way from other vendors and sites, built while the brand-word layer was written
     * and first run after it was done: figures on it were not tuned to.
     */
    public static final List<String> HOLDOUT_FILES = List.of("holdout.csv");
    static final String HEADER = "name,category,vendor,party,domain,source";

    /** One labelled cookie. {@code party} is {@code vendor} (a service's cookie) or {@code site} (a site's own). */
    public record Row(String name, Category category, String vendor, String party, String domain, String source) {

        /** What a scan that saw only the cookie itself would know: name, domain, first or third party. */
        public CookieFacts facts() {
            boolean thirdParty = "vendor".equals(party) && !domain.toLowerCase(Locale.ROOT).endsWith("example-shop.com");
            return new CookieFacts(name, domain, null, null, null, thirdParty, null);
        }
    }

    private EvaluationSet() {
    }

    public static List<Row> load() {
        return load(FILES);
    }

    public static List<Row> load(List<String> files) {
        List<Row> rows = new ArrayList<>();
        for (String file : files) {
            rows.addAll(read(DIRECTORY.resolve(file)));
        }
        return rows;
    }

    static List<Row> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new IllegalStateException(file + " must start with " + HEADER);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = Csv.parseLine(line);
            if (f.size() != 6) {
                throw new IllegalStateException(file + ": expected 6 fields in: " + line);
            }
            rows.add(new Row(f.get(0), Category.fromLabel(f.get(1)), f.get(2).strip(), f.get(3).strip(),
                    f.get(4).strip(), f.get(5).strip()));
        }
        return rows;
    }
}
