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

    CookieName(String name) {
        this.raw = name.strip();
        this.lower = raw.toLowerCase(Locale.ROOT);
    }

    /** Lower-case words: split at punctuation, camelCase humps and letter/digit changes; worked out on first use. */
    List<String> words() {
        if (words == null) {
            words = split(raw);
        }
        return words;
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
