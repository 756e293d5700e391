package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Layers 1 and 3: what vendors say. A name a vendor documents takes that vendor's category; a cookie its host or
 * script set takes the vendor's category even when its name is new; a cookie from a host the third-party data set
 * knows as ad tech or analytics takes that category.
 */
final class VendorLayer {

    /** The documented name, set from the vendor's own host or script. */
    static final double CONFIRMED = 0.97;
    static final double EXACT_NAME = 0.95;
    static final double LONG_PATTERN = 0.92;
    static final double SHORT_PATTERN = 0.85;
    /** Fixed characters from which a wildcard pattern counts as long. */
    static final int LONG_LITERAL = 6;
    static final double VENDOR_HOST = 0.85;
    /** A host whose vendor has cookies of several categories: the strictest, with less certainty. */
    static final double MIXED_VENDOR_HOST = 0.7;
    static final double ENTITY_HOST = 0.8;
    /** A brand word in the name; about three in four are right on the knowledge base, where the rest are arguable. */
    static final double BRAND_WORD = 0.75;

    private final VendorTable table;

    VendorLayer(VendorTable table) {
        this.table = table;
    }

    Optional<Classification> byName(CookieName name, Evidence evidence) {
        List<VendorTable.NameMatch> matches = new ArrayList<>();
        for (VendorTable.NameMatch m : table.byName(name)) {
            if (!m.weak() || evidence.names(m.vendor())) {
                matches.add(m);
            }
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        VendorTable.NameMatch best = matches.stream().filter(m -> evidence.names(m.vendor())).findFirst()
                .orElse(matches.get(0));
        boolean confirmed = evidence.names(best.vendor());
        Category category = best.vendor().category();
        double confidence = confirmed ? CONFIRMED : best.pattern().isExact() ? EXACT_NAME
                : best.pattern().literalLength >= LONG_LITERAL ? LONG_PATTERN : SHORT_PATTERN;
        if (!confirmed) {
            // Two vendors document the same name with different purposes: protect the visitor, say less.
            for (VendorTable.NameMatch other : matches) {
                boolean asSpecific = other.pattern().isExact() == best.pattern().isExact()
                        && other.pattern().literalLength == best.pattern().literalLength;
                if (asSpecific && other.vendor().category().ordinal() > category.ordinal()) {
                    best = other;
                    category = other.vendor().category();
                    confidence = Math.min(confidence, MIXED_VENDOR_HOST);
                }
            }
        }
        Vendor v = best.vendor();
        String reason = "Matches " + v.name() + "'s documented cookie " + best.pattern()
                + (confirmed ? ", set from " + evidence.vendorSeenAt : "") + " (" + v.source() + ")";
        return Optional.of(new Classification(category, confidence, Source.VENDOR, v.name(), emptyToNull(v.purpose()),
                emptyToNull(v.retention()), reason));
    }

    Optional<Classification> byVendorHost(Evidence evidence) {
        if (!evidence.vendorRows.isEmpty()) {
            List<Vendor> rows = evidence.vendorRows;
            Category category = VendorTable.strictest(rows);
            boolean mixed = rows.stream().anyMatch(r -> r.category() != rows.get(0).category());
            Vendor row = rows.stream().filter(r -> r.category() == category).findFirst().orElseThrow();
            return Optional.of(new Classification(category, mixed ? MIXED_VENDOR_HOST : VENDOR_HOST, Source.VENDOR,
                    row.name(), emptyToNull(row.purpose()), null, "Set from " + evidence.vendorSeenAt + ", which is "
                            + row.name() + "'s (" + row.kind() + ", " + row.source() + ")"));
        }
        return Optional.empty();
    }

    Optional<Classification> byThirdPartyEntity(Evidence evidence) {
        if (evidence.entity != null) {
            ThirdPartyHosts.Entity e = evidence.entity;
            return Optional.of(new Classification(e.category(), ENTITY_HOST, Source.VENDOR, e.name(),
                    purposeOf(e.category()), null, "Set from " + evidence.entityHost + ", which the third-party-web data"
                            + " set lists as " + e.name() + " (" + e.kind() + ")"));
        }
        return Optional.empty();
    }

    /** A cookie whose name carries the brand of a company whose cookies all have one category. */
    static Optional<Classification> byBrand(CookieName name, BrandWords brands) {
        return brands.in(name).filter(b -> b.category() != null).map(b -> new Classification(b.category(), BRAND_WORD,
                Source.VENDOR, b.owner(), b.category() == Category.FUNCTIONAL ? null : purposeOf(b.category()), null,
                "Its name carries \"" + b.word() + "\", the brand of " + b.owner() + " (" + b.source() + ")"));
    }

    /** A plain purpose for a cookie of which only the kind of its vendor is known. */
    static String purposeOf(Category category) {
        return switch (category) {
            case MARKETING -> "Used by an advertising or social media service, which may follow visits across sites.";
            case ANALYTICAL -> "Used to measure how visitors use the site.";
            case FUNCTIONAL -> "Remembers the visitor's cookie choices.";
            case UNCLASSIFIED -> null;
        };
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
