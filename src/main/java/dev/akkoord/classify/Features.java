package dev.akkoord.classify;

import java.util.Arrays;
import java.util.Locale;

/**
 * Turns a cookie into hashed feature indices for the model: character n-grams of the name (digits folded to 0),
 * its words, its shape, its lifetime, whether it is third party, and the words of the host that set it.
 * Hashing keeps the model a fixed-size array with no vocabulary to store.
 */
final class Features {

    static final int BITS = 18;
    static final int DIMENSION = 1 << BITS;
    private static final int MASK = DIMENSION - 1;
    /** Character 3- and 4-grams: shorter ones carry little, longer ones rarely recur in 2,000 names. */
    static final int MIN_NGRAM = 3;
    static final int MAX_NGRAM = 4;

    private static final int NGRAM = 0x9e3779b1;
    private static final int WORD = 0x85ebca6b;
    private static final int FIRST_WORD = 0xc2b2ae35;
    private static final int LAST_WORD = 0x27d4eb2f;
    private static final int SHAPE = 0x165667b1;
    private static final int LIFETIME = 0xd3a2646c;
    private static final int PARTY = 0xfd7046c5;
    private static final int HOST_WORD = 0xb55a4f09;
    private static final int SITE = 0x7feb352d;
    private static final int BIAS = 0x846ca68b;

    private Features() {
    }

    static int[] of(CookieName name, CookieFacts facts) {
        Builder out = new Builder();
        out.add(hash(BIAS, ""));
        String folded = fold(name.template().toLowerCase(Locale.ROOT));
        for (int n = MIN_NGRAM; n <= MAX_NGRAM; n++) {
            for (int i = 0; i + n <= folded.length(); i++) {
                out.add(hash(NGRAM + n, folded, i, i + n));
            }
        }
        for (String word : name.words()) {
            out.add(hash(WORD, fold(word)));
        }
        if (!name.words().isEmpty()) {
            out.add(hash(FIRST_WORD, fold(name.words().get(0))));
            out.add(hash(LAST_WORD, fold(name.words().get(name.words().size() - 1))));
        }
        out.add(hash(SHAPE, shape(name.raw)));
        out.add(hash(SHAPE + 1, leadingPunctuation(name.raw)));
        String lifetime = RetentionPeriods.bucket(facts.lifetimeSeconds());
        out.add(hash(LIFETIME, lifetime));
        String party = facts.thirdParty() == null ? "?" : facts.thirdParty() ? "3p" : "1p";
        out.add(hash(PARTY, party));
        out.add(hash(PARTY + 1, party + lifetime));
        addHost(out, facts.trackerHost() != null ? facts.trackerHost() : facts.domain());
        return out.build();
    }

    private static void addHost(Builder out, String host) {
        String site = HostNames.registrable(host);
        if (site == null) {
            return;
        }
        out.add(hash(SITE, site));
        String normalized = HostNames.normalizeHost(host);
        int tld = normalized.lastIndexOf('.');
        int start = 0;
        for (int i = 0; i <= tld; i++) {
            char c = i < tld ? normalized.charAt(i) : '.';
            if (c == '.' || c == '-' || Character.isDigit(c)) {
                if (i > start) {
                    out.add(hash(HOST_WORD, normalized, start, i));
                }
                start = i + 1;
            }
        }
    }

    /** "^" + name + "$" with every run of digits as one 0, so _ga_K7Q2 and _ga_X9Z1 look alike. */
    private static String fold(String lower) {
        StringBuilder b = new StringBuilder(lower.length() + 2).append('^');
        boolean inDigits = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isDigit(c)) {
                if (!inDigits) {
                    b.append('0');
                }
                inDigits = true;
            } else {
                b.append(c);
                inDigits = false;
            }
        }
        return b.append('$').toString();
    }

    private static String shape(String raw) {
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        String casing = upper && lower ? "mixed" : upper ? "upper" : "lower";
        int length = raw.length();
        return casing + (length <= 3 ? "/short" : length <= 8 ? "/medium" : length <= 16 ? "/long" : "/verylong");
    }

    private static String leadingPunctuation(String raw) {
        int i = 0;
        while (i < raw.length() && !Character.isLetterOrDigit(raw.charAt(i))) {
            i++;
        }
        return raw.substring(0, i);
    }

    private static int hash(int seed, String s) {
        return hash(seed, s, 0, s.length());
    }

    /** FNV-1a over the characters, finished with a murmur3 mix, reduced to the table size. */
    private static int hash(int seed, CharSequence s, int from, int to) {
        int h = 0x811c9dc5 ^ seed;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & MASK;
    }

    private static final class Builder {
        private int[] values = new int[64];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] build() {
            return Arrays.copyOf(values, size);
        }
    }
}
