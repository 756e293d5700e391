package dev.akkoord.classify.bench;

import dev.akkoord.classify.Classifier;
import dev.akkoord.classify.KnowledgeBase;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: the classifier on the independent evaluation set ({@link EvaluationSet}), from what a scan
 * that sees only the cookie knows (name, domain, first or third party; no setter, no lifetime). Prints the figures
 * the classification issue sets targets for, overall, on names no knowledge source recognises, and per party.
 *
 * <p>Run: {@code bench/classify.sh eval [threshold] [wrong]}, or {@code holdout} in place of {@code eval} for the
 * second set.
 */
public final class Evaluation {

    public static void main(String[] args) {
        double threshold = args.length > 0 ? Double.parseDouble(args[0]) : Classifier.DEFAULT_MIN_CONFIDENCE;
        KnowledgeBase knowledge = KnowledgeBase.load();
        Classifier classifier = new Classifier(knowledge, threshold);
        boolean holdout = Boolean.getBoolean("holdout");
        List<EvaluationSet.Row> rows = EvaluationSet.load(holdout ? EvaluationSet.HOLDOUT_FILES : EvaluationSet.FILES);
        ClassificationReport all = new ClassificationReport();
        ClassificationReport unknown = new ClassificationReport();
        ClassificationReport vendors = new ClassificationReport();
        ClassificationReport sites = new ClassificationReport();
        long vendorCount = rows.stream().filter(r -> r.party().equals("vendor")).map(EvaluationSet.Row::vendor)
                .distinct().count();
        long siteCount = rows.stream().filter(r -> r.party().equals("site")).map(EvaluationSet.Row::vendor)
                .distinct().count();
        for (EvaluationSet.Row row : rows) {
            var result = classifier.classify(row.facts());
            all.add(row.category(), result);
            (row.party().equals("site") ? sites : vendors).add(row.category(), result);
            if (!knowledge.recognises(row.name())) {
                unknown.add(row.category(), result);
            }
            if (args.length > 1 && args[1].equals("wrong") && result.category() != row.category()) {
                System.out.printf(Locale.ROOT, "WRONG %-40s truth %-10s got %-12s %.2f %-8s %s | %s%n", row.name(),
                        row.category().label(), result.category().label(), result.confidence(), result.source().label(),
                        result.vendor(), result.reason());
            }
        }
        System.out.printf(Locale.ROOT, "%s set: %d names, %d vendors, %d sites; threshold %.2f%n%n",
                holdout ? "held-out" : "evaluation", rows.size(), vendorCount, siteCount, threshold);
        System.out.println("== all");
        all.print();
        System.out.println("\n== names no knowledge source recognises (no listed name, wildcard or vendor pattern)");
        System.out.println(unknown.summary());
        System.out.println("\n== vendors' cookies");
        System.out.println(vendors.summary());
        System.out.println("\n== sites' own cookies");
        System.out.println(sites.summary());
    }
}
