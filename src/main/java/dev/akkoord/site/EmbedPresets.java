package dev.akkoord.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.akkoord.web.ProblemException;

/** Checks the owner's embed presets; every refusal names the preset by its index and the field. */
final class EmbedPresets {

    static final int MAX = 20;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PATH = Pattern.compile("/[^\\s?#]{0,199}");

    private EmbedPresets() {
    }

    static List<EmbedPreset> validated(List<EmbedPreset> presets, List<String> categories) {
        if (presets.size() > MAX) {
            throw ProblemException.badRequest("'embedPresets' may list at most " + MAX + " providers");
        }
        List<EmbedPreset> checked = new ArrayList<>();
        for (int i = 0; i < presets.size(); i++) {
            checked.add(validated(presets.get(i), "embedPresets[" + i + "]", categories));
        }
        return checked;
    }

    private static EmbedPreset validated(EmbedPreset preset, String where, List<String> categories) {
        if (preset == null) {
            throw ProblemException.badRequest("'" + where + "' is empty");
        }
        String name = preset.name() == null ? "" : preset.name().strip();
        if (name.isEmpty() || name.length() > 60 || name.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest("'" + where + ".name' must be the provider's name, 1 to 60 characters");
        }
        String host = host(preset.host());
        if (host == null) {
            throw ProblemException.badRequest("'" + where + ".host' must be a host name such as video.example.com, "
                    + "without scheme, port or path (a leading dot also takes every host below it)");
        }
        String path = preset.path() == null ? "" : preset.path().strip();
        if (!path.isEmpty() && !PATH.matcher(path).matches()) {
            throw ProblemException.badRequest("'" + where + ".path' must start with / and hold no spaces, ? or #");
        }
        String kind = preset.kind() == null ? "content" : preset.kind();
        if (!EmbedPreset.KINDS.contains(kind)) {
            throw ProblemException.badRequest("'" + where + ".kind' must be one of " + EmbedPreset.KINDS);
        }
        String category = preset.category() == null ? "marketing" : preset.category();
        if (!List.of("analytical", "marketing").contains(category) || !categories.contains(category)) {
            throw ProblemException.badRequest("'" + where + ".category' must be analytical or marketing, and one "
                    + "of the site's categories " + categories);
        }
        return new EmbedPreset(name, host, path, kind, category);
    }

    /** The host in lower case, or null when it is no DNS name (an address, a port, a scheme, a wildcard). */
    private static String host(String raw) {
        if (raw == null) {
            return null;
        }
        String host = raw.strip().toLowerCase(Locale.ROOT);
        String name = host.startsWith(".") ? host.substring(1) : host;
        String[] labels = name.split("\\.", -1);
        if (name.length() > 253 || labels.length < 2) {
            return null;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        // A last label of digits only is an IP address, not a name.
        return labels[labels.length - 1].chars().allMatch(Character::isDigit) ? null : host;
    }
}
