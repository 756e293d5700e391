package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Layer 2: name look-up in the knowledge base. Exact name first, then ignoring case, then the longest wildcard stem
 * (a stem also matches its bare self exactly). Where entries for a name disagree (token, chk, euconsent, dc) the
 * cookie's host or tracker decides; without one the database gives no answer and the later layers decide.
 */
final class CookieDatabase {

    enum Kind {
        EXACT, CASE_INSENSITIVE, WILDCARD
    }

    /**
     * @param elsewhere the entries all name the hosts that set them and this cookie came from another host: the entry
     *                  describes a namesake (Instagram's {@code sessionid} is not every site's), so it only counts when
     *                  no other layer knows better
     */
    record Match(KnownCookie entry, Kind kind, boolean elsewhere) {
    }

    /** Stems shorter than this must be followed by a separator or a digit (so SR does not match SRCHUID). */
    static final int SHORT_STEM = 4;

    private final Map<String, List<KnownCookie>> exact = new HashMap<>();
    private final Map<String, List<KnownCookie>> ignoringCase = new HashMap<>();
    private final StemNode stems = new StemNode();

    CookieDatabase(List<KnownCookie> cookies) {
        for (KnownCookie cookie : cookies) {
            if (cookie.name().isEmpty()) {
                continue;
            }
            if (cookie.wildcard()) {
                stems.insert(cookie);
            }
            exact.computeIfAbsent(cookie.name(), k -> new ArrayList<>(1)).add(cookie);
            ignoringCase.computeIfAbsent(cookie.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(cookie);
        }
    }

    Optional<Match> find(CookieName name, Origin origin) {
        List<KnownCookie> candidates = exact.get(name.raw);
        if (candidates != null) {
            return resolve(candidates, Kind.EXACT, name.raw, origin);
        }
        candidates = ignoringCase.get(name.lower);
        if (candidates != null) {
            return resolve(candidates, Kind.CASE_INSENSITIVE, name.raw, origin);
        }
        candidates = stems.longestMatch(name);
        return candidates == null ? Optional.empty() : resolve(candidates, Kind.WILDCARD, name.raw, origin);
    }

    /** Whether any entry names this cookie, exactly, ignoring case or by a wildcard stem, agreeing or not. */
    boolean knows(CookieName name) {
        return exact.containsKey(name.raw) || ignoringCase.containsKey(name.lower) || stems.longestMatch(name) != null;
    }

    private static Optional<Match> resolve(List<KnownCookie> candidates, Kind kind, String name, Origin origin) {
        boolean agree = true;
        boolean allHostBound = true;
        for (KnownCookie candidate : candidates) {
            if (origin.matches(candidate)) {
                return Optional.of(new Match(candidate, kind, false));
            }
            agree &= candidate.category() == candidates.get(0).category();
            allHostBound &= !candidate.hosts().isEmpty();
        }
        if (!agree) {
            return Optional.empty(); // conflicting entries and nothing to choose by
        }
        return Optional.of(new Match(preferSameCase(candidates, name), kind, allHostBound && origin.hasSite()));
    }

    private static KnownCookie preferSameCase(List<KnownCookie> candidates, String name) {
        for (KnownCookie candidate : candidates) {
            if (name.startsWith(candidate.name())) {
                return candidate;
            }
        }
        return candidates.get(0);
    }

    /** A character trie of lower-cased wildcard stems, walked once per name. */
    private static final class StemNode {
        private final Map<Character, StemNode> next = new HashMap<>();
        private List<KnownCookie> entries;

        void insert(KnownCookie cookie) {
            StemNode node = this;
            String stem = cookie.name().toLowerCase(Locale.ROOT);
            for (int i = 0; i < stem.length(); i++) {
                node = node.next.computeIfAbsent(stem.charAt(i), c -> new StemNode());
            }
            if (node.entries == null) {
                node.entries = new ArrayList<>(1);
            }
            node.entries.add(cookie);
        }

        /** The entries of the longest stem that starts the name and passes the short-stem guard. */
        List<KnownCookie> longestMatch(CookieName name) {
            String lower = name.lower;
            StemNode node = this;
            List<KnownCookie> best = null;
            for (int depth = 0; depth < lower.length(); depth++) {
                node = node.next.get(lower.charAt(depth));
                if (node == null) {
                    break;
                }
                if (node.entries != null && guardAllows(lower, depth + 1)) {
                    best = node.entries;
                }
            }
            return best;
        }

        private static boolean guardAllows(String name, int stemLength) {
            if (stemLength >= SHORT_STEM || stemLength == name.length()) {
                return true;
            }
            char after = name.charAt(stemLength);
            if (isSeparator(after) || Character.isDigit(after)) {
                return true;
            }
            // "ct_", "cc-": the stem ends in its own separator and has two letters before it
            return stemLength >= 3 && isSeparator(name.charAt(stemLength - 1));
        }

        private static boolean isSeparator(char c) {
            return !Character.isLetterOrDigit(c);
        }
    }
}
