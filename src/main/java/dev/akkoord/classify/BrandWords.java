package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Vendor brands that cookie names carry: {@code omnisendSessionID}, {@code mautic_device_id},
 * {@code QuantumMetricUserID}. Vendors prefix their cookies with their own name far more often than they document
 * every one, so a brand word is evidence of who set a cookie even when its name is new. The brands come from the
 * vendor table (names and hosts) and the third-party data set (entities and their domains), never from a list of
 * cookies. A word is left out when it means nothing on its own: shared by several companies (a CDN's domain that many
 * customers serve from), or found in the cookie names of unrelated services ("customer", "content").
 */
final class BrandWords {

    /** Shorter words are too often parts of ordinary words ("drip", "pixel" as a prefix of "pixelratio"). */
    static final int MIN_LENGTH = 5;
    /** Consecutive name words joined to find a brand written in parts ("Quantum", "Metric"). */
    private static final int MAX_JOINED = 3;
    /** A word claimed by more companies than this is a shared host's, not a brand. */
    private static final int MAX_OWNERS = 2;
    /** Services in the knowledge base, not named after the word, whose cookie names carry it: then it is a word. */
    private static final int MAX_FOREIGN_SERVICES = 1;

    /** The company a brand word stands for; {@code category} is null when its cookies have several categories. */
    record Brand(String word, String owner, Category category, String source) {
    }

    private final Map<String, Brand> brands = new HashMap<>();

    BrandWords(VendorTable table, ThirdPartyHosts thirdParties, List<KnownCookie> known) {
        Map<String, List<Brand>> claims = new HashMap<>();
        for (Vendor vendor : table.rows()) {
            Brand claim = new Brand(null, vendor.name(), vendor.category(), vendor.source());
            claim(claims, vendor.slug(), claim);
            vendor.hosts().forEach(host -> claim(claims, label(host), claim));
        }
        thirdParties.forEachHost((host, entity) -> {
            if (entity.category() != null) {
                Brand claim = new Brand(null, entity.name(), entity.category(), "third-party-web: " + entity.kind());
                claim(claims, Vendor.slug(entity.name()), claim);
                claim(claims, label(host), claim);
            }
        });
        Map<String, Set<String>> servicesUsing = servicesUsingWords(known);
        claims.forEach((word, list) -> {
            Set<String> owners = new HashSet<>();
            Set<Category> categories = new HashSet<>();
            for (Brand claim : list) {
                owners.add(claim.owner().toLowerCase(Locale.ROOT));
                categories.add(claim.category());
            }
            long foreign = servicesUsing.getOrDefault(word, Set.of()).stream()
                    .filter(service -> !Vendor.slug(service).contains(word)).count();
            if (owners.size() <= MAX_OWNERS && foreign <= MAX_FOREIGN_SERVICES) {
                Brand first = list.get(0);
                brands.put(word, new Brand(word, first.owner(), categories.size() == 1 ? first.category() : null,
                        first.source()));
            }
        });
    }

    /**
     * The brand the name starts or ends with, as one word or as up to three consecutive words joined. Vendors put
     * their name first ({@code omnisendContactID}) or last ({@code mp_0_mixpanel}); in the middle a brand-like word
     * is more often part of something else ({@code CloudFront-Signature} is not Front's).
     */
    Optional<Brand> in(CookieName name) {
        List<String> words = name.words();
        Optional<Brand> first = leading(words);
        if (first.isPresent() || words.size() < 2) {
            return first;
        }
        Brand last = brands.get(words.get(words.size() - 1));
        return Optional.ofNullable(last);
    }

    /** The longest run of leading words that is a brand: MicrosoftClarity before Microsoft. */
    private Optional<Brand> leading(List<String> words) {
        Brand longest = null;
        for (String run : runsFrom(words, 0)) {
            longest = brands.getOrDefault(run, longest);
        }
        return Optional.ofNullable(longest);
    }

    /** The words from {@code start} joined one, two and three at a time, those long enough to be a brand. */
    private static List<String> runsFrom(List<String> words, int start) {
        List<String> runs = new ArrayList<>(MAX_JOINED);
        StringBuilder joined = new StringBuilder();
        for (int end = start; end < Math.min(words.size(), start + MAX_JOINED); end++) {
            joined.append(words.get(end));
            if (joined.length() >= MIN_LENGTH) {
                runs.add(joined.toString());
            }
        }
        return runs;
    }

    private static void claim(Map<String, List<Brand>> claims, String word, Brand claim) {
        if (word != null && word.length() >= MIN_LENGTH && !word.chars().allMatch(Character::isDigit)
                && !NameRules.readsAsPurpose(word)) {
            claims.computeIfAbsent(word, w -> new ArrayList<>(2)).add(claim);
        }
    }

    /** The label a company registered: hotjar for static.hotjar.com, bbc for www.bbc.co.uk. */
    static String label(String host) {
        String registrable = HostNames.registrable(HostNames.normalizeHost(host));
        if (registrable == null) {
            return null;
        }
        int dot = registrable.indexOf('.');
        return dot < 0 ? null : registrable.substring(0, dot);
    }

    /** For each word (and run of joined words) of a known cookie name, the services whose cookies carry it. */
    private static Map<String, Set<String>> servicesUsingWords(List<KnownCookie> known) {
        Map<String, Set<String>> services = new HashMap<>();
        for (KnownCookie cookie : known) {
            if (cookie.platform().isBlank()) {
                continue;
            }
            List<String> words = new CookieName(cookie.name()).words();
            for (int start = 0; start < words.size(); start++) {
                for (String run : runsFrom(words, start)) {
                    services.computeIfAbsent(run, w -> new HashSet<>()).add(cookie.platform());
                }
            }
        }
        return services;
    }
}
