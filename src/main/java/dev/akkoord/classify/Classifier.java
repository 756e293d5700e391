package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * Classifies cookies as functional, analytical or marketing, layer by layer, and says which layer decided:
 * the site owner's overrides, the knowledge base (Open Cookie Database plus overlay), the host that set the cookie,
 * name rules, and last a model trained on the knowledge base. Built once at start-up; thread-safe afterwards.
 */
@ApplicationScoped
@Startup
public class Classifier {

    private static final Logger LOG = Logger.getLogger(Classifier.class);

    public static final double DEFAULT_MIN_CONFIDENCE = 0.6;

    private static final double EXACT_CONFIDENCE = 0.95;
    private static final double CASE_INSENSITIVE_CONFIDENCE = 0.9;
    private static final double WILDCARD_CONFIDENCE = 0.85;
    /** For an entry that names other hosts than the one the cookie came from. */
    private static final double NAMESAKE_CONFIDENCE = 0.7;

    /** Folds of the held-out predictions the model's probabilities are calibrated on. */
    private static final int CALIBRATION_FOLDS = 5;

    private final CookieDatabase database;
    private final VendorDirectory vendors;
    private final VendorTable vendorTable;
    private final ThirdPartyHosts thirdPartyHosts;
    private final VendorLayer vendorLayer;
    private final BrandWords brandWords;
    private final NameModel model;
    private final Calibration calibration;
    private final Calibration functionalCalibration;
    private final FunctionalWords functionalWords;
    private final double minConfidence;
    private final TrackerCookies trackerCookies;
    private final Map<String, Category> trackerHosts;

    @Inject
    public Classifier(ClassifyConfig config) {
        // Arguments are evaluated left to right, so the logged time includes reading the knowledge base.
        this(System.nanoTime(), KnowledgeBase.load(), config.minConfidence());
    }

    /** For plain Java (tests, benchmarks): build from any knowledge base. */
    public Classifier(KnowledgeBase knowledge, double minConfidence) {
        this(System.nanoTime(), knowledge, minConfidence);
    }

    private Classifier(long startedNanos, KnowledgeBase knowledge, double minConfidence) {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be within 0..1, got " + minConfidence);
        }
        this.minConfidence = minConfidence;
        this.database = new CookieDatabase(knowledge.cookies());
        this.vendors = new VendorDirectory(knowledge.cookies(), knowledge.vendorHosts());
        this.vendorTable = knowledge.vendorTable();
        this.thirdPartyHosts = knowledge.thirdPartyHosts();
        this.vendorLayer = new VendorLayer(vendorTable);
        this.brandWords = new BrandWords(vendorTable, thirdPartyHosts, knowledge.cookies());
        List<TrainingExample> examples = TrainingExample.from(knowledge);
        this.model = new NameModel(examples.stream().map(TrainingExample::example).toList());
        Calibration[] calibrations = calibrate(examples);
        this.calibration = calibrations[0];
        this.functionalCalibration = calibrations[1];
        this.functionalWords = new FunctionalWords(examples.stream().map(TrainingExample::named).toList());
        this.trackerCookies = new TrackerCookies(knowledge.cookies(), vendors);
        Map<String, Category> hosts = new TreeMap<>(vendorTable.consentHosts());
        hosts.putAll(vendors.trackerHosts()); // our hand-kept host table has the last word, as before
        this.trackerHosts = Collections.unmodifiableMap(hosts);
        LOG.infof("Cookie classifier ready: %d known cookies, %d vendors, %d tracker hosts, model trained and "
                + "calibrated, in %d ms", knowledge.cookies().size(), vendorTable.vendorNames().size(), trackerHosts.size(),
                (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /**
     * Trains the model again on all but one group of vendors at a time and records how often its answers were right on
     * the group it did not see: names of vendors it never met, as on real sites. Analytical and marketing answers are
     * calibrated apart from functional ones, which only count when the name carries a functional word.
     */
    private static Calibration[] calibrate(List<TrainingExample> examples) {
        List<Calibration.Outcome> consent = new ArrayList<>();
        List<Calibration.Outcome> functional = new ArrayList<>();
        for (int fold = 0; fold < CALIBRATION_FOLDS; fold++) {
            int heldOut = fold;
            List<TrainingExample> training = new ArrayList<>();
            List<TrainingExample> test = new ArrayList<>();
            for (TrainingExample e : examples) {
                (Math.floorMod(e.group().hashCode(), CALIBRATION_FOLDS) == heldOut ? test : training).add(e);
            }
            NameModel foldModel = new NameModel(training.stream().map(TrainingExample::example).toList());
            FunctionalWords foldWords = new FunctionalWords(training.stream().map(TrainingExample::named).toList());
            for (TrainingExample e : test) {
                NameModel.Prediction p = foldModel.predict(e.example().features());
                boolean right = p.category() == e.named().category();
                if (p.category() != Category.FUNCTIONAL) {
                    consent.add(new Calibration.Outcome(p.probability(), right));
                } else if (foldWords.in(new CookieName(e.named().name())) != null) {
                    functional.add(new Calibration.Outcome(p.probability(), right));
                }
            }
        }
        return new Calibration[] {Calibration.fit(consent), Calibration.fit(functional)};
    }

    /** Shorthand for the shipped knowledge base and the default threshold. */
    public static Classifier withDefaults() {
        return new Classifier(KnowledgeBase.load(), DEFAULT_MIN_CONFIDENCE);
    }

    public Classification classify(CookieFacts facts) {
        return classify(facts, Map.of());
    }

    /**
     * @param overrides the site owner's decisions by cookie name (exact name first, then ignoring case)
     */
    public Classification classify(CookieFacts facts, Map<String, Category> overrides) {
        Objects.requireNonNull(facts, "facts");
        CookieName name = new CookieName(facts.name());
        Classification decided = decide(name, facts);
        Category override = override(name, overrides);
        return override == null ? decided : decided.decidedByOwner(override);
    }

    /**
     * The layers, most telling first. A vendor's own documentation beats the database; "functional" is only ever
     * said on positive evidence (a known functional cookie or vendor, or a strong name rule), never because a cookie
     * merely looks unlike a tracker.
     */
    private Classification decide(CookieName name, CookieFacts facts) {
        Evidence evidence = new Evidence(facts, vendorTable, thirdPartyHosts);
        Optional<Classification> byVendorName = vendorLayer.byName(name, evidence);
        if (byVendorName.isPresent()) {
            return byVendorName.get();
        }
        Origin origin = new Origin(facts, vendors);
        Optional<CookieDatabase.Match> known = database.find(name, origin);
        // Our vendor table speaks for the vendor and wins a conflict; the third-party data set only knows what sort of
        // company a host belongs to, so a database entry that names this very host knows better.
        Optional<Classification> byVendorHost = vendorLayer.byVendorHost(evidence);
        if (known.isPresent() && !known.get().elsewhere()
                && (byVendorHost.isEmpty() || byVendorHost.get().category() == known.get().entry().category())) {
            return fromDatabase(known.get(), byVendorHost.map(Classification::vendor).orElse(null));
        }
        if (byVendorHost.isPresent()) {
            return byVendorHost.get();
        }
        Optional<Classification> byEntity = vendorLayer.byThirdPartyEntity(evidence);
        if (byEntity.isPresent()) {
            return byEntity.get();
        }
        for (String host : origin.hosts()) {
            Optional<VendorDirectory.Verdict> verdict = host == null ? Optional.empty() : vendors.verdict(host);
            if (verdict.isPresent()) {
                VendorDirectory.Verdict v = verdict.get();
                return new Classification(v.category(), v.confidence(), Source.VENDOR, v.vendor(), null, null,
                        v.reason());
            }
        }
        Optional<Classification> byBrand = VendorLayer.byBrand(name, brandWords);
        if (byBrand.isPresent()) {
            return byBrand.get();
        }
        Optional<NameRules.Rule> rule = NameRules.firstMatch(name, facts);
        if (rule.isPresent()) {
            NameRules.Rule r = rule.get();
            return new Classification(r.category(), r.confidence(), Source.RULE, null, r.purpose(), null,
                    "Name rule " + r.id());
        }
        if (known.isPresent()) {
            return fromDatabase(known.get(), null); // a namesake from another host, still better than a guess
        }
        return fromModel(name, facts);
    }

    private Classification fromModel(CookieName name, CookieFacts facts) {
        NameModel.Prediction guess = model.predict(Features.of(name, facts));
        double confidence = calibration.apply(guess.probability());
        if (guess.category() == Category.FUNCTIONAL) {
            String word = Boolean.TRUE.equals(facts.thirdParty()) ? null : functionalWords.in(name);
            double functionalConfidence = functionalCalibration.apply(guess.probability());
            if (word == null || functionalConfidence < minConfidence) {
                return new Classification(Category.UNCLASSIFIED, guess.probability(), Source.MODEL, null, null, null,
                        "Looks like a functional cookie, but nothing known says so: a person should decide");
            }
            return new Classification(Category.FUNCTIONAL, functionalConfidence, Source.MODEL, null,
                    null, null, "Its name carries \"" + word + "\", a word only functional cookies are known to use");
        }
        if (confidence >= minConfidence) {
            return new Classification(guess.category(), confidence, Source.MODEL, null, null, null,
                    "Predicted from the name, lifetime and origin by a model trained on the knowledge base");
        }
        return new Classification(Category.UNCLASSIFIED, confidence, Source.MODEL, null, null, null,
                String.format(Locale.ROOT, "Not sure enough: the model's best guess, %s at %.2f, is below the %.2f "
                        + "threshold", guess.category().label(), confidence, minConfidence));
    }

    /** Host → category of the analytical and marketing trackers we know, for blocking their scripts before consent. */
    public Map<String, Category> trackerHosts() {
        return trackerHosts;
    }

    /**
     * The cookies the knowledge base says a tracker sets, for cookies a static crawl cannot see because scripts
     * write them. Accepts a host ({@code www.google-analytics.com}) or a platform name ({@code Hotjar}).
     */
    public List<KnownCookie> inferCookies(String trackerHostOrPlatform) {
        return trackerCookies.of(trackerHostOrPlatform);
    }

    private static Category override(CookieName name, Map<String, Category> overrides) {
        if (overrides.isEmpty()) {
            return null;
        }
        Category exact = overrides.get(name.raw);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Category> entry : overrides.entrySet()) {
            if (entry.getKey().strip().equalsIgnoreCase(name.raw)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static Classification fromDatabase(CookieDatabase.Match match, String hostVendor) {
        KnownCookie entry = match.entry();
        double confidence = switch (match.kind()) {
            case EXACT -> EXACT_CONFIDENCE;
            case CASE_INSENSITIVE -> CASE_INSENSITIVE_CONFIDENCE;
            case WILDCARD -> WILDCARD_CONFIDENCE;
        };
        String reason = "Listed in the Open Cookie Database";
        if (match.elsewhere()) {
            confidence = Math.min(confidence, NAMESAKE_CONFIDENCE);
            reason = "Listed as a cookie of " + String.join(", ", entry.hosts());
        }
        String vendor = emptyToNull(entry.platform());
        return new Classification(entry.category(), confidence, Source.DATABASE, vendor != null ? vendor : hostVendor,
                emptyToNull(entry.purpose()), emptyToNull(entry.retention()), reason);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
