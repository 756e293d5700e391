package dev.akkoord.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Words that, in every knowledge source, occur only (or nearly only) in functional cookies: {@code wishlist},
 * {@code viewed}, {@code recently}. A model's "functional" counts only when the name carries one: that is positive
 * evidence, where a name merely unlike any tracker is not.
 */
final class FunctionalWords {

    /** Entries a word must occur in before it says anything. */
    static final int MIN_SUPPORT = 3;
    /** Share of those entries that must be functional. */
    static final double MIN_PURITY = 0.9;

    private final Set<String> words;

    FunctionalWords(List<TrainingExample.Named> names) {
        Map<String, int[]> counts = new HashMap<>();
        for (TrainingExample.Named named : names) {
            for (String word : Set.copyOf(new CookieName(named.name()).words())) {
                if (word.length() >= 3 && !word.chars().allMatch(Character::isDigit)) {
                    int[] c = counts.computeIfAbsent(word, w -> new int[2]);
                    c[0]++;
                    if (named.category() == Category.FUNCTIONAL) {
                        c[1]++;
                    }
                }
            }
        }
        this.words = counts.entrySet().stream()
                .filter(e -> e.getValue()[0] >= MIN_SUPPORT && e.getValue()[1] >= MIN_PURITY * e.getValue()[0])
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** The first word of the name that only functional cookies use, or null. */
    String in(CookieName name) {
        for (String word : name.words()) {
            if (words.contains(word)) {
                return word;
            }
        }
        return null;
    }
}
