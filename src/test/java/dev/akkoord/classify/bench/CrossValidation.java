package dev.akkoord.classify.bench;

import dev.akkoord.classify.Classifier;
import dev.akkoord.classify.CookieFacts;
import dev.akkoord.classify.KnowledgeBase;
import dev.akkoord.classify.KnownCookie;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Benchmark, not a test: 5-fold cross-validation of the whole classifier over the knowledge base, by distinct name.
 *
 * <p>Names (ignoring case) are dealt into five folds. For each fold a classifier is built from the knowledge base
 * without the fold's entries, and also without any other entry whose wildcard stem would match a held-out name, so
 * neither the database nor the model (trained on that reduced knowledge base) nor the site statistics of the vendor
 * layer have seen the held-out names. Each held-out entry is then classified from what a scan would see: its name,
 * its setting host (if the entry names one), its lifetime and whether it is third party.
 *
 * <p>Run: {@code ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.akkoord.classify.bench.CrossValidation} (optional args: threshold, "name-only").
 */
public final class CrossValidation {

    private static final int FOLDS = 5;
    private static final long SEED = 42;

    public static void main(String[] args) {
        double threshold = args.length > 0 ? Double.parseDouble(args[0]) : Classifier.DEFAULT_MIN_CONFIDENCE;
        boolean nameOnly = args.length > 1 && args[1].equals("name-only");
        KnowledgeBase full = KnowledgeBase.load();
        Map<String, Integer> foldOf = assignFolds(full.cookies());

        ClassificationReport report = new ClassificationReport();
        for (int fold = 0; fold < FOLDS; fold++) {
            int heldOutFold = fold;
            List<KnownCookie> heldOut = full.cookies().stream().filter(c -> foldOf.get(key(c)) == heldOutFold).toList();
            Set<String> heldOutNames = heldOut.stream().map(CrossValidation::key).collect(Collectors.toSet());
            KnowledgeBase training = full.without(c -> heldOutNames.contains(key(c)) || stemMatchesAny(c, heldOutNames));
            Classifier classifier = new Classifier(training, threshold);
            for (KnownCookie cookie : heldOut) {
                CookieFacts facts = nameOnly ? CookieFacts.named(cookie.name()) : cookie.asObserved();
                report.add(cookie.category(), classifier.classify(facts));
            }
            System.out.printf(Locale.ROOT, "fold %d: %d held-out entries, classifier built from %d%n", fold + 1,
                    heldOut.size(), training.cookies().size());
        }
        System.out.printf(Locale.ROOT, "%nthreshold %.2f%s%n", threshold, nameOnly ? ", names only (no host, lifetime or party)" : "");
        report.print();
    }

    static String key(KnownCookie cookie) {
        return cookie.name().strip().toLowerCase(Locale.ROOT);
    }

    /** Another entry's wildcard stem that would match a held-out name must go too, or the database would see it. */
    private static boolean stemMatchesAny(KnownCookie cookie, Set<String> heldOutNames) {
        if (!cookie.wildcard()) {
            return false;
        }
        String stem = key(cookie);
        for (String name : heldOutNames) {
            if (name.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> assignFolds(List<KnownCookie> cookies) {
        List<String> names = new ArrayList<>(new TreeSet<>(cookies.stream().map(CrossValidation::key).toList()));
        Collections.shuffle(names, new Random(SEED));
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            foldOf.put(names.get(i), i % FOLDS);
        }
        return foldOf;
    }
}
