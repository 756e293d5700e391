package dev.akkoord.classify;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Our vendor table ({@code classify/vendors/*.csv}): for each vendor, the hosts it serves from and the cookie names it
 * documents. A vendor decides for its own cookies, above the Open Cookie Database, because it is the one source that
 * knows what the cookie is for.
 */
final class VendorTable {

    static final String INDEX = "classify/vendors/index.txt";
    static final String HEADER = "vendor,kind,category,hosts,cookies,purpose,retention,source";

    /** A documented name that matched, and the row it belongs to. */
    record NameMatch(Vendor vendor, NamePattern pattern, boolean weak) {
    }

    private final List<Vendor> rows;
    private final Map<String, List<NameMatch>> exact = new HashMap<>();
    private final PrefixIndex wildcards = new PrefixIndex();
    private final List<NameMatch> leadingStar = new ArrayList<>();
    private final Map<String, List<Vendor>> byHost = new HashMap<>();
    private final Map<String, List<Vendor>> byBrand = new HashMap<>();

    VendorTable(List<Vendor> rows) {
        this.rows = List.copyOf(rows);
        for (Vendor vendor : rows) {
            for (NamePattern pattern : vendor.cookies()) {
                NameMatch entry = new NameMatch(vendor, pattern, isWeak(vendor, pattern));
                if (pattern.isExact()) {
                    exact.computeIfAbsent(pattern.prefix(), k -> new ArrayList<>(1)).add(entry);
                } else if (pattern.prefix().isEmpty()) {
                    leadingStar.add(entry);
                } else {
                    wildcards.insert(pattern.prefix(), entry);
                }
            }
            for (String host : vendor.hosts()) {
                byHost.computeIfAbsent(host, h -> new ArrayList<>(1)).add(vendor);
            }
            String brand = vendor.brand();
            if (brand != null) {
                byBrand.computeIfAbsent(brand, b -> new ArrayList<>(1)).add(vendor);
            }
        }
    }

    /** Reads every file the index lists. */
    static VendorTable load() {
        List<Vendor> rows = new ArrayList<>();
        for (String file : Csv.resourceLines(INDEX)) {
            rows.addAll(parse("classify/vendors/" + file.strip(), Csv.resourceLines("classify/vendors/" + file.strip())));
        }
        return new VendorTable(rows);
    }

    static List<Vendor> parse(String where, List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new IllegalStateException(where + " must start with the header " + HEADER);
        }
        List<Vendor> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Csv.parseLine(line);
            if (f.size() != 8) {
                throw new IllegalStateException(where + ": expected 8 fields, got " + f.size() + " in: " + line);
            }
            List<String> hosts = new ArrayList<>();
            for (String host : split(f.get(3))) {
                String normalized = HostNames.normalizeHost(host.startsWith("*.") ? host.substring(2) : host);
                if (normalized == null) {
                    throw new IllegalStateException(where + ": not a host '" + host + "' in: " + line);
                }
                hosts.add(normalized);
            }
            List<NamePattern> cookies = split(f.get(4)).stream().map(NamePattern::of).toList();
            rows.add(new Vendor(f.get(0).strip(), f.get(1).strip(), Category.fromLabel(f.get(2)), hosts, cookies,
                    f.get(5).strip(), f.get(6).strip(), f.get(7).strip()));
        }
        return rows;
    }

    private static List<String> split(String field) {
        return Arrays.stream(field.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    List<Vendor> rows() {
        return rows;
    }

    /** The documented names this cookie matches, most specific first (exact, then the most fixed characters). */
    List<NameMatch> byName(CookieName name) {
        List<NameMatch> found = new ArrayList<>(2);
        List<NameMatch> same = exact.get(name.lower);
        if (same != null) {
            found.addAll(same);
        }
        wildcards.collect(name.lower, found);
        for (NameMatch m : leadingStar) {
            if (m.pattern().matches(name.lower)) {
                found.add(m);
            }
        }
        if (found.size() > 1) {
            found.sort(Comparator.comparing((NameMatch m) -> !m.pattern().isExact())
                    .thenComparing(m -> -m.pattern().literalLength));
        }
        return found;
    }

    /** The rows of the vendor behind this host (the most specific listed host or parent domain), or none. */
    List<Vendor> byHost(String host) {
        List<Vendor> vendors = HostNames.nearest(host, byHost::get);
        return vendors == null ? List.of() : vendors;
    }

    /**
     * The rows of the vendor whose brand a script's file name carries: a site that serves {@code /js/posthog.min.js}
     * from its own host still runs PostHog.
     */
    List<Vendor> byScript(String scriptUrl) {
        if (scriptUrl == null) {
            return List.of();
        }
        String path;
        try {
            path = URI.create(scriptUrl).getPath();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (path == null || path.isEmpty()) {
            return List.of();
        }
        String file = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (String word : file.split("[^a-z0-9]+")) {
            List<Vendor> vendors = byBrand.get(word);
            if (vendors != null) {
                return vendors;
            }
        }
        return List.of();
    }

    /**
     * Host → the strictest category of the vendors there, for holding their scripts back until consent: only hosts
     * whose vendors set no functional cookie. A platform with functional cookies too (Shopify, a chat) serves what
     * the site needs from there, and blocking it all would break the site.
     */
    Map<String, Category> consentHosts() {
        Map<String, Category> hosts = new TreeMap<>();
        byHost.forEach((host, vendors) -> {
            if (vendors.stream().noneMatch(v -> v.category() == Category.FUNCTIONAL)) {
                hosts.put(host, strictest(vendors));
            }
        });
        return Collections.unmodifiableMap(hosts);
    }

    Set<String> vendorNames() {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.add(r.name()));
        return names;
    }

    /** Marketing over analytical over functional: when rows disagree, the one that protects the visitor. */
    static Category strictest(List<Vendor> vendors) {
        Category result = Category.FUNCTIONAL;
        for (Vendor v : vendors) {
            if (v.category().ordinal() > result.ordinal()) {
                result = v.category();
            }
        }
        return result;
    }

    /**
     * An exact name that is an everyday word ({@code cart}, {@code IDE}, {@code fr}) says little on its own: many sites
     * use it. It counts only with the vendor's host or script behind the cookie. A name carrying the vendor's brand
     * ({@code hubspotutk}) or punctuation ({@code _fbp}, {@code OptanonConsent} is long) is distinctive.
     */
    private static boolean isWeak(Vendor vendor, NamePattern pattern) {
        if (!pattern.isExact()) {
            return pattern.literalLength < 3;
        }
        String text = pattern.text;
        boolean plain = text.chars().allMatch(Character::isLetterOrDigit);
        String brand = vendor.brand();
        boolean branded = brand != null && text.toLowerCase(Locale.ROOT).contains(brand);
        return plain && text.length() <= 12 && !branded;
    }

    /** Wildcard patterns by their fixed start, walked once per name. */
    private static final class PrefixIndex {
        private final Map<Character, PrefixIndex> next = new HashMap<>();
        private List<NameMatch> entries;

        void insert(String prefix, NameMatch entry) {
            PrefixIndex node = this;
            for (int i = 0; i < prefix.length(); i++) {
                node = node.next.computeIfAbsent(prefix.charAt(i), c -> new PrefixIndex());
            }
            if (node.entries == null) {
                node.entries = new ArrayList<>(1);
            }
            node.entries.add(entry);
        }

        void collect(String lower, List<NameMatch> out) {
            PrefixIndex node = this;
            for (int i = 0; i < lower.length(); i++) {
                node = node.next.get(lower.charAt(i));
                if (node == null) {
                    return;
                }
                if (node.entries != null) {
                    for (NameMatch m : node.entries) {
                        if (m.pattern().matches(lower)) {
                            out.add(m);
                        }
                    }
                }
            }
        }
    }
}
