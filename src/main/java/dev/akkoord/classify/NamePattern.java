package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cookie name as a vendor documents it: exact ({@code _fbp}) or with {@code *} for the ids, keys and hashes a site
 * fills in ({@code _hjSessionUser_*}, {@code mp_*_mixpanel}). Matches ignoring case; a {@code *} stands for at least
 * one character, so {@code _ga_*} does not claim a bare {@code _ga_}.
 */
final class NamePattern {

    final String text;
    /** The literal parts between the stars, lower case. */
    private final List<String> parts;
    private final boolean leadingStar;
    private final boolean trailingStar;
    /** Characters the pattern fixes, the stars left out: how much a match says. */
    final int literalLength;

    private NamePattern(String text) {
        this.text = text;
        String lower = text.toLowerCase(Locale.ROOT);
        this.leadingStar = lower.startsWith("*");
        this.trailingStar = lower.endsWith("*");
        List<String> split = new ArrayList<>();
        for (String part : lower.split("\\*+")) {
            if (!part.isEmpty()) {
                split.add(part);
            }
        }
        this.parts = List.copyOf(split);
        this.literalLength = split.stream().mapToInt(String::length).sum();
    }

    static NamePattern of(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.chars().allMatch(c -> c == '*')) {
            throw new IllegalArgumentException("a cookie name pattern needs some fixed text: '" + text + "'");
        }
        return new NamePattern(t);
    }

    boolean isExact() {
        return !leadingStar && !trailingStar && parts.size() == 1;
    }

    /** The fixed text before the first star, lower case; empty when the pattern starts with one. */
    String prefix() {
        return leadingStar ? "" : parts.get(0);
    }

    boolean matches(String lowerName) {
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean first = i == 0;
            boolean last = i == parts.size() - 1;
            if (first && !leadingStar) {
                if (!lowerName.startsWith(part)) {
                    return false;
                }
                at = part.length();
            } else if (last && !trailingStar) {
                int start = lowerName.length() - part.length();
                // the star before this part must cover at least one character
                if (start < at + 1 || !lowerName.endsWith(part)) {
                    return false;
                }
                at = lowerName.length();
            } else {
                int found = lowerName.indexOf(part, at + 1);
                if (found < 0) {
                    return false;
                }
                at = found + part.length();
            }
        }
        return trailingStar ? lowerName.length() > at : at == lowerName.length();
    }

    @Override
    public String toString() {
        return text;
    }
}
