package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    private final CookieDatabase database;
    private final VendorDirectory vendors;
    private final NameModel model;
    private final double minConfidence;
    private final TrackerCookies trackerCookies;

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
        List<NameModel.Example> examples = new ArrayList<>(knowledge.cookies().size());
        for (KnownCookie cookie : knowledge.cookies()) {
            examples.add(new NameModel.Example(Features.of(new CookieName(cookie.name()), cookie.asObserved()),
                    NameModel.labelOf(cookie.category())));
        }
        this.model = new NameModel(examples);
        this.trackerCookies = new TrackerCookies(knowledge.cookies(), vendors);
        LOG.infof("Cookie classifier ready: %d known cookies, %d tracker hosts, model trained, in %d ms",
                knowledge.cookies().size(), vendors.trackerHosts().size(), (System.nanoTime() - startedNanos) / 1_000_000);
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
        Category override = override(name, overrides);
        if (override != null) {
            return classify(facts, Map.of()).decidedByOwner(override);
        }
        Origin origin = new Origin(facts, vendors);
        Optional<CookieDatabase.Match> known = database.find(name, origin);
        if (known.isPresent() && !known.get().elsewhere()) {
            return fromDatabase(known.get());
        }
        for (String host : origin.hosts()) {
            Optional<VendorDirectory.Verdict> verdict = host == null ? Optional.empty() : vendors.verdict(host);
            if (verdict.isPresent()) {
                VendorDirectory.Verdict v = verdict.get();
                return new Classification(v.category(), v.confidence(), Source.VENDOR, v.vendor(), null, null, v.reason());
            }
        }
        Optional<NameRules.Rule> rule = NameRules.firstMatch(name, facts);
        if (rule.isPresent()) {
            NameRules.Rule r = rule.get();
            return new Classification(r.category(), r.confidence(), Source.RULE, null, r.purpose(), null,
                    "Name rule " + r.id());
        }
        if (known.isPresent()) {
            return fromDatabase(known.get()); // a namesake from another host, still better than a guess
        }
        NameModel.Prediction guess = model.predict(Features.of(name, facts));
        if (guess.probability() >= minConfidence) {
            return new Classification(guess.category(), guess.probability(), Source.MODEL, null, null, null,
                    "Predicted from the name, lifetime and origin by a model trained on the knowledge base");
        }
        return new Classification(Category.UNCLASSIFIED, guess.probability(), Source.MODEL, null, null, null,
                String.format(Locale.ROOT, "Not sure enough: the model's best guess, %s at %.2f, is below the %.2f threshold",
                        guess.category().label(), guess.probability(), minConfidence));
    }

    /** Host → category of the analytical and marketing trackers we know, for blocking their scripts before consent. */
    public Map<String, Category> trackerHosts() {
        return vendors.trackerHosts();
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

    private static Classification fromDatabase(CookieDatabase.Match match) {
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
        return new Classification(entry.category(), confidence, Source.DATABASE, emptyToNull(entry.platform()),
                emptyToNull(entry.purpose()), emptyToNull(entry.retention()), reason);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
