package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A cookie name, trimmed, lower-cased and split into words once, for the rules and the model. */
final class CookieName {

    final String raw;
    final String lower;
    private List<String> words;
    private String template;

    CookieName(String name) {
        this.raw = name.strip();
        this.lower = raw.toLowerCase(Locale.ROOT);
    }

    /** Lower-case words of the {@link #template()}: split at punctuation, camelCase humps and letter/digit changes. */
    List<String> words() {
        if (words == null) {
            words = split(template());
        }
        return words;
    }

    /**
     * The name as it is built, with the ids, keys and hashes a site fills in replaced by {@code 0}:
     * {@code mp_5f1c2a7d9e0b_mixpanel} → {@code mp_0_mixpanel}, {@code ph_phc_Xk2bQ9rT4vLm_posthog} →
     * {@code ph_phc_0_posthog}, {@code _pk_id.1.abcd} stays (a short part is a word, not an id).
     */
    String template() {
        if (template == null) {
            StringBuilder b = new StringBuilder(raw.length());
            int start = 0;
            for (int i = 0; i <= raw.length(); i++) {
                if (i == raw.length() || !Character.isLetterOrDigit(raw.charAt(i))) {
                    String part = raw.substring(start, i);
                    b.append(isId(part) ? "0" : part);
                    if (i < raw.length()) {
                        b.append(raw.charAt(i));
                    }
                    start = i + 1;
                }
            }
            template = b.toString();
        }
        return template;
    }

    /** A number of five digits or more, or digits and letters mixed over eight characters or more: generated. */
    static boolean isId(String part) {
        if (part.length() >= 5 && part.chars().allMatch(Character::isDigit)) {
            return true;
        }
        if (part.length() < 8) {
            return false;
        }
        int digits = 0;
        int letters = 0;
        int transitions = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else {
                letters++;
            }
            if (i > 0 && Character.isDigit(c) != Character.isDigit(part.charAt(i - 1))) {
                transitions++;
            }
        }
        return digits == part.length() || digits > 0 && letters > 0 && transitions >= 3;
    }

    boolean hasAnyWord(Set<String> candidates) {
        for (String word : words()) {
            if (candidates.contains(word)) {
                return true;
            }
        }
        return false;
    }

    boolean contains(String part) {
        return lower.contains(part);
    }

    private static List<String> split(String s) {
        List<String> words = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (!Character.isLetterOrDigit(c)) {
                if (start >= 0) {
                    words.add(s.substring(start, i).toLowerCase(Locale.ROOT));
                    start = -1;
                }
                continue;
            }
            if (start >= 0 && startsNewWord(s, i)) {
                words.add(s.substring(start, i).toLowerCase(Locale.ROOT));
                start = i;
            } else if (start < 0) {
                start = i;
            }
        }
        return words.isEmpty() ? Collections.emptyList() : words;
    }

    /** aB, 1a, a1 and the B in ABc ("XMLHttp" → xml, http) start a new word. */
    private static boolean startsNewWord(String s, int i) {
        char prev = s.charAt(i - 1);
        char c = s.charAt(i);
        if (Character.isDigit(prev) != Character.isDigit(c)) {
            return true;
        }
        if (Character.isLowerCase(prev) && Character.isUpperCase(c)) {
            return true;
        }
        return Character.isUpperCase(prev) && Character.isUpperCase(c) && i + 1 < s.length()
                && Character.isLowerCase(s.charAt(i + 1));
    }
}
