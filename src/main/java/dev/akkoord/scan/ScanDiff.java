package dev.akkoord.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What changed between two scans of a site: cookies new, gone, or in another category (by name and domain). */
final class ScanDiff {

    private ScanDiff() {
    }

    static ScanView.Diff between(UUID previousScanId, List<ScanCookie> previous, List<ScanCookie> current) {
        Map<String, ScanCookie> before = index(previous);
        Map<String, ScanCookie> after = index(current);
        List<ScanView.CookieRef> added = new ArrayList<>();
        List<ScanView.CategoryChange> changed = new ArrayList<>();
        for (Map.Entry<String, ScanCookie> entry : after.entrySet()) {
            ScanCookie now = entry.getValue();
            ScanCookie then = before.get(entry.getKey());
            if (then == null) {
                added.add(ref(now));
            } else if (then.category() != now.category()) {
                changed.add(new ScanView.CategoryChange(now.name(), now.domain(), then.category().label(),
                        now.category().label()));
            }
        }
        List<ScanView.CookieRef> gone = new ArrayList<>();
        for (Map.Entry<String, ScanCookie> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                gone.add(ref(entry.getValue()));
            }
        }
        return new ScanView.Diff(previousScanId, added, gone, changed);
    }

    /** A first scan: everything is new. */
    static ScanView.Diff first(List<ScanCookie> current) {
        return between(null, List.of(), current);
    }

    private static Map<String, ScanCookie> index(List<ScanCookie> cookies) {
        Map<String, ScanCookie> index = new LinkedHashMap<>();
        cookies.forEach(c -> index.put(c.name() + "\n" + c.domain(), c));
        return index;
    }

    private static ScanView.CookieRef ref(ScanCookie cookie) {
        return new ScanView.CookieRef(cookie.name(), cookie.domain(), cookie.category().label());
    }
}
