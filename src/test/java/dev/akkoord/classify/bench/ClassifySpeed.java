package dev.akkoord.classify.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import dev.akkoord.classify.Classification;
import dev.akkoord.classify.Classifier;
import dev.akkoord.classify.CookieFacts;
import dev.akkoord.classify.KnowledgeBase;
import dev.akkoord.classify.KnownCookie;

/**
 * Benchmark, not a test: how long one thread takes to classify 100,000 cookies, after warm-up, and how long the
 * classifier takes to build from the shipped resources (its start-up cost).
 *
 * <p>The cookies are generated with a fixed seed to look like a scan's: half are names the knowledge base lists
 * (some in other letter case), a fifth instances of its wildcard stems with random suffixes, a tenth names our rules
 * know, and a fifth names nobody knows, which go all the way to the model. A third carry a setting domain, and all
 * carry a lifetime and a party.
 *
 * <p>Run: {@code bench/classify.sh speed}
 */
public final class ClassifySpeed {

    private static final int COOKIES = 100_000;
    private static final int WARM_UP_ROUNDS = 10;
    private static final int MEASURED_ROUNDS = 10;

    private static final String[] RULE_STEMS = {"myapp_session", "XSRF-TOKEN-v2", "shop_lang", "AWSALB-eu",
            "BIGipServerpool_web", "cookie_consent_level", "remember_login", "cart_id", "ui_theme", "ad_click_ref"};
    private static final String[] SYLLABLES = {"ka", "zu", "mi", "tr", "on", "el", "qx", "vo", "id", "ab", "pr", "st",
            "ne", "ux", "lo", "fi"};
    private static final String[] SEPARATORS = {"_", "-", ".", "", "__"};
    private static final String[] HOSTS = {"www.example.test", "shop.example.test", "ads.tracker.example",
            "stats.metrics.example", "doubleclick.net", "www.google-analytics.com", "connect.facebook.net",
            "static.hotjar.com", "ib.adnxs.com", "cdn.nexx360.io"};
    private static final long[] LIFETIMES = {CookieFacts.SESSION, 1800, 86_400, 30L * 86_400, 365L * 86_400,
            2 * 365L * 86_400};

    public static void main(String[] args) {
        long started = System.nanoTime();
        KnowledgeBase knowledge = KnowledgeBase.load();
        Classifier classifier = new Classifier(knowledge, Classifier.DEFAULT_MIN_CONFIDENCE);
        long built = System.nanoTime();
        System.out.printf(Locale.ROOT, "knowledge base loaded and classifier built (model trained) in %d ms, cold JVM%n",
                (built - started) / 1_000_000);

        List<CookieFacts> cookies = generate(knowledge.cookies(), new SplittableRandom(7));
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            classifyAll(classifier, cookies);
        }
        long[] millis = new long[MEASURED_ROUNDS];
        long checksum = 0;
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            long t0 = System.nanoTime();
            checksum += classifyAll(classifier, cookies);
            millis[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "classifying %,d cookies on one thread after warm-up: median %d ms, best %d ms,"
                + " worst %d ms (%d rounds; checksum %d)%n", COOKIES, millis[MEASURED_ROUNDS / 2], millis[0],
                millis[MEASURED_ROUNDS - 1], MEASURED_ROUNDS, checksum);
    }

    /** Returns something that depends on every answer so the work cannot be optimised away. */
    private static long classifyAll(Classifier classifier, List<CookieFacts> cookies) {
        long sum = 0;
        for (CookieFacts cookie : cookies) {
            Classification c = classifier.classify(cookie);
            sum += c.category().ordinal() * 31L + c.source().ordinal();
        }
        return sum;
    }

    private static List<CookieFacts> generate(List<KnownCookie> known, SplittableRandom random) {
        List<KnownCookie> exact = known.stream().filter(c -> !c.wildcard()).toList();
        List<KnownCookie> stems = known.stream().filter(KnownCookie::wildcard).toList();
        List<CookieFacts> cookies = new ArrayList<>(COOKIES);
        for (int i = 0; i < COOKIES; i++) {
            int kind = random.nextInt(100);
            String name;
            if (kind < 40) {
                name = exact.get(random.nextInt(exact.size())).name();
            } else if (kind < 50) {
                String base = exact.get(random.nextInt(exact.size())).name();
                name = random.nextBoolean() ? base.toUpperCase(Locale.ROOT) : base.toLowerCase(Locale.ROOT);
            } else if (kind < 70) {
                name = stems.get(random.nextInt(stems.size())).name() + randomSuffix(random);
            } else if (kind < 80) {
                name = RULE_STEMS[random.nextInt(RULE_STEMS.length)];
            } else {
                name = unknownName(random);
            }
            String domain = random.nextInt(3) == 0 ? HOSTS[random.nextInt(HOSTS.length)] : null;
            cookies.add(new CookieFacts(name, domain, LIFETIMES[random.nextInt(LIFETIMES.length)], random.nextBoolean(),
                    random.nextBoolean(), domain != null && !domain.endsWith("example.test"), null));
        }
        return cookies;
    }

    private static String randomSuffix(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int length = 4 + random.nextInt(10);
        for (int i = 0; i < length; i++) {
            b.append("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".charAt(random.nextInt(34)));
        }
        return b.toString();
    }

    private static String unknownName(SplittableRandom random) {
        StringBuilder b = new StringBuilder(random.nextInt(4) == 0 ? "_" : "");
        int words = 1 + random.nextInt(3);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                b.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            int syllables = 1 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
        }
        if (random.nextInt(3) == 0) {
            b.append(random.nextInt(1000));
        }
        return b.toString();
    }
}
