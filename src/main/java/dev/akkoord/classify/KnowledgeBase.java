package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The cookies we know: the Open Cookie Database as shipped, with our overlay applied, plus our vendor table.
 * Immutable; {@link #without} gives the smaller knowledge bases the cross-validation benchmark needs.
 */
public final class KnowledgeBase {

    static final String OCD_PATH = "classify/open-cookie-database/open-cookie-database.csv";
    static final String OVERLAY_PATH = "classify/overlay.csv";
    static final String VENDORS_PATH = "classify/vendors.csv";

    private final List<KnownCookie> cookies;
    private final List<VendorHost> vendorHosts;
    private final VendorTable vendorTable;
    private final ThirdPartyHosts thirdPartyHosts;
    private CookieDatabase database; // built on first use by recognises()

    private KnowledgeBase(List<KnownCookie> cookies, List<VendorHost> vendorHosts, VendorTable vendorTable,
            ThirdPartyHosts thirdPartyHosts) {
        this.cookies = List.copyOf(cookies);
        this.vendorHosts = List.copyOf(vendorHosts);
        this.vendorTable = vendorTable;
        this.thirdPartyHosts = thirdPartyHosts;
    }

    /** Reads the shipped resources from the classpath. */
    public static KnowledgeBase load() {
        Map<String, KnownCookie> byId = readOpenCookieDatabase(Csv.resourceLines(OCD_PATH));
        applyOverlay(byId, Csv.resourceLines(OVERLAY_PATH));
        return new KnowledgeBase(new ArrayList<>(byId.values()), readVendors(Csv.resourceLines(VENDORS_PATH)),
                VendorTable.load(), ThirdPartyHosts.load());
    }

    /**
     * Whether a cookie name is written down in any knowledge source: an Open Cookie Database or overlay entry (its
     * literal text, ignoring case) or an exact name of our vendor table. For keeping evaluation names out.
     */
    public boolean lists(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        for (KnownCookie cookie : cookies) {
            if (cookie.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return true;
            }
        }
        for (Vendor vendor : vendorTable.rows()) {
            for (NamePattern pattern : vendor.cookies()) {
                if (pattern.text.toLowerCase(Locale.ROOT).equals(lower)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether any knowledge source would recognise the name by itself: listed, or matched by a database wildcard or a
     * vendor's documented pattern. Names for which this is false are the ones nobody wrote down.
     */
    public boolean recognises(String name) {
        CookieName cookieName = new CookieName(name);
        if (database == null) {
            database = new CookieDatabase(cookies);
        }
        return lists(name) || !vendorTable.byName(cookieName).isEmpty() || database.knows(cookieName);
    }

    VendorTable vendorTable() {
        return vendorTable;
    }

    ThirdPartyHosts thirdPartyHosts() {
        return thirdPartyHosts;
    }

    public List<KnownCookie> cookies() {
        return cookies;
    }

    List<VendorHost> vendorHosts() {
        return vendorHosts;
    }

    /** The same knowledge without our vendor table: the database and host layers alone (for their tests). */
    public KnowledgeBase withoutVendorTable() {
        return new KnowledgeBase(cookies, vendorHosts, new VendorTable(List.of()), thirdPartyHosts);
    }

    /** The same knowledge without the cookies {@code leaveOut} accepts (our vendor table stays). */
    public KnowledgeBase without(Predicate<KnownCookie> leaveOut) {
        return new KnowledgeBase(cookies.stream().filter(leaveOut.negate()).toList(), vendorHosts, vendorTable,
                thirdPartyHosts);
    }

    private static Map<String, KnownCookie> readOpenCookieDatabase(List<String> lines) {
        Map<String, Integer> column = header(lines.get(0));
        Map<String, KnownCookie> byId = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Csv.parseLine(line);
            Category category = Category.fromOpenCookieDatabase(f.get(column.get("Category")));
            String rawName = f.get(column.get("Cookie / Data Key name")).strip();
            if (category == null || rawName.isEmpty()) {
                continue; // nothing to learn from a row without a name or a known category
            }
            // A '*' in a name is pattern syntax: the part before it is the stable prefix.
            int star = rawName.indexOf('*');
            boolean wildcard = "1".equals(f.get(column.get("Wildcard match")).strip()) || star >= 0;
            String name = star >= 0 ? rawName.substring(0, star) : rawName;
            String id = f.get(column.get("ID")).strip();
            byId.put(id, new KnownCookie(id, name, wildcard, category, f.get(column.get("Platform")).strip(),
                    HostNames.hostsIn(f.get(column.get("Domain"))), f.get(column.get("Description")).strip(),
                    f.get(column.get("Retention period")).strip(), f.get(column.get("Data Controller")).strip()));
        }
        return byId;
    }

    private static void applyOverlay(Map<String, KnownCookie> byId, List<String> lines) {
        Map<String, Integer> column = header(lines.get(0));
        int added = 0;
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Csv.parseLine(line);
            String action = f.get(column.get("action")).strip();
            String id = f.get(column.get("id")).strip();
            if (f.get(column.get("why")).isBlank()) {
                throw new IllegalStateException("overlay row without a reason: " + line);
            }
            switch (action) {
                case "drop" -> byId.remove(requireRow(byId, id, line).id());
                case "fix" -> byId.put(id, fixed(requireRow(byId, id, line), f, column));
                case "add" -> {
                    if (f.get(column.get("name")).isBlank() || f.get(column.get("category")).isBlank()) {
                        throw new IllegalStateException("an added overlay row needs a name and a category: " + line);
                    }
                    String newId = "overlay:" + (++added);
                    KnownCookie blank = new KnownCookie(newId, "", false, Category.FUNCTIONAL, "", List.of(), "", "", "");
                    byId.put(newId, fixed(blank, f, column));
                }
                default -> throw new IllegalStateException("unknown overlay action in: " + line);
            }
        }
    }

    private static KnownCookie requireRow(Map<String, KnownCookie> byId, String id, String line) {
        KnownCookie row = byId.get(id);
        if (row == null) {
            throw new IllegalStateException("overlay names an unknown Open Cookie Database id: " + line);
        }
        return row;
    }

    private static KnownCookie fixed(KnownCookie row, List<String> f, Map<String, Integer> column) {
        String name = f.get(column.get("name")).strip();
        String wildcard = f.get(column.get("wildcard")).strip();
        String category = f.get(column.get("category")).strip();
        String platform = f.get(column.get("platform")).strip();
        String domain = f.get(column.get("domain")).strip();
        String retention = f.get(column.get("retention")).strip();
        return new KnownCookie(row.id(), name.isEmpty() ? row.name() : name,
                wildcard.isEmpty() ? row.wildcard() : wildcard.equals("1"),
                category.isEmpty() ? row.category() : Category.fromLabel(category),
                platform.isEmpty() ? row.platform() : platform,
                domain.isEmpty() ? row.hosts() : HostNames.hostsIn(domain), row.purpose(),
                retention.isEmpty() ? row.retention() : retention, row.controller());
    }

    private static List<VendorHost> readVendors(List<String> lines) {
        Map<String, Integer> column = header(lines.get(0));
        List<VendorHost> hosts = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = Csv.parseLine(line);
            String platforms = f.get(column.get("platforms")).strip();
            hosts.add(new VendorHost(HostNames.normalizeHost(f.get(column.get("host"))),
                    Category.fromLabel(f.get(column.get("category"))), f.get(column.get("vendor")).strip(),
                    platforms.isEmpty() ? List.of() : Arrays.asList(platforms.split("\\|"))));
        }
        return hosts;
    }

    private static Map<String, Integer> header(String line) {
        Map<String, Integer> column = new HashMap<>();
        List<String> names = Csv.parseLine(line);
        for (int i = 0; i < names.size(); i++) {
            column.put(names.get(i).strip(), i);
        }
        return column;
    }
}
