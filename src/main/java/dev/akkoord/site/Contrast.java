package dev.akkoord.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WCAG 2.x contrast between the banner's colours ({@link SiteSettings.BannerUi#colors()}, each {@code #rrggbb}).
 * Banner text below {@link #MINIMUM} is refused: visitors must be able to read what they consent to. Buttons and
 * links below it are only warned about, since their words repeat in the text and an owner may need brand colours.
 */
public final class Contrast {

    /** WCAG 2.x success criterion 1.4.3 (AA) for body text. */
    public static final double MINIMUM = 4.5;

    /** A colour read against another in the banner. The keys are those of {@code ui.colors}. */
    public enum Pairing {
        BANNER_TEXT("Banner text", "text", "background", true),
        BUTTON_LABEL("Button text", "accentText", "accent", false),
        LINK("Links", "accent", "background", false);

        private final String label;
        private final String foreground;
        private final String background;
        private final boolean refusedWhenWeak;

        Pairing(String label, String foreground, String background, boolean refusedWhenWeak) {
            this.label = label;
            this.foreground = foreground;
            this.background = background;
            this.refusedWhenWeak = refusedWhenWeak;
        }

        public String label() {
            return label;
        }

        public String foreground() {
            return foreground;
        }

        public String background() {
            return background;
        }

        public boolean refusedWhenWeak() {
            return refusedWhenWeak;
        }
    }

    /** One pairing measured on a site's colours. */
    public record Check(Pairing pairing, String foregroundColor, String backgroundColor, double ratio) {

        public boolean weak() {
            return ratio < MINIMUM;
        }

        /** The ratio as the editor shows it, e.g. {@code 4.49:1}. */
        public String shownRatio() {
            return format(ratio);
        }

        public String message() {
            return pairing.label + " " + foregroundColor + " on " + backgroundColor + " has a contrast of "
                    + format(ratio) + "; WCAG asks for at least " + format(MINIMUM) + " ('ui.colors."
                    + pairing.foreground + "' on 'ui.colors." + pairing.background + "')";
        }
    }

    private Contrast() {
    }

    /** Every pairing, measured; a pairing with a colour missing or malformed is left out. */
    public static List<Check> checks(Map<String, String> colors) {
        List<Check> checks = new ArrayList<>();
        if (colors == null) {
            return checks;
        }
        for (Pairing pairing : Pairing.values()) {
            String foreground = colors.get(pairing.foreground);
            String background = colors.get(pairing.background);
            if (isHex(foreground) && isHex(background)) {
                checks.add(new Check(pairing, foreground, background, ratio(foreground, background)));
            }
        }
        return checks;
    }

    /** What is saved but worth telling the owner: weak pairings that are not refused. Null when there are none. */
    public static List<String> warnings(Map<String, String> colors) {
        List<String> warnings = checks(colors).stream()
                .filter(check -> check.weak() && !check.pairing.refusedWhenWeak).map(Check::message).toList();
        return warnings.isEmpty() ? null : warnings;
    }

    /** (L1 + 0.05) / (L2 + 0.05) with L1 the lighter colour's relative luminance: 1 (same) to 21 (black on white). */
    public static double ratio(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** Relative luminance of an sRGB colour, from 0 (black) to 1 (white). */
    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * linear(rgb >> 16) + 0.7152 * linear(rgb >> 8) + 0.0722 * linear(rgb);
    }

    /** Undoes the sRGB gamma of one 8-bit channel (the low byte of {@code value}). */
    private static double linear(int value) {
        double channel = (value & 0xff) / 255.0;
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /**
     * Rounded down, so a ratio shown as 4.50:1 is never one that gets refused. Kept in step with the editor's
     * script, which shows the same figure live.
     */
    static String format(double ratio) {
        double floored = Math.floor(ratio * 100) / 100;
        return String.format(java.util.Locale.ROOT, "%.2f:1", floored);
    }

    private static boolean isHex(String color) {
        return color != null && color.matches("#[0-9a-fA-F]{6}");
    }
}
