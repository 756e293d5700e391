package dev.akkoord.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** CSV lines of the consent log export (RFC 4180 quoting). */
public final class ConsentCsv {

    public static final String HEADER = "record_id,site_id,seq,consent_id,recorded_at,action,functional,analytical,"
            + "marketing,banner_version,language,page_url,gpc,ip_truncated,user_agent,prev_hash,hash\r\n";

    private ConsentCsv() {
    }

    public static String line(ConsentRecord r) {
        return String.join(",", Long.toString(r.recordId()), r.siteId().toString(), Long.toString(r.seq()),
                r.consentId(), r.recordedAt().toString(), r.action(), "true", Boolean.toString(r.analytical()),
                Boolean.toString(r.marketing()), quote(r.bannerVersion()), quote(r.language()), quote(r.pageUrl()),
                Boolean.toString(r.gpc()), quote(r.ipTruncated()), quote(r.userAgent()), r.prevHash(), r.hash())
                + "\r\n";
    }

    /** A record back from one line of the export, exactly as hashed (nulls, quotes and the formula guard undone). */
    public static ConsentRecord read(String line) {
        List<String> f = fields(line.endsWith("\r\n") ? line.substring(0, line.length() - 2) : line);
        if (f.size() != 17) {
            throw new IllegalArgumentException("expected 17 fields, found " + f.size() + ": " + line);
        }
        return new ConsentRecord(Long.parseLong(f.get(0)), UUID.fromString(f.get(1)), Long.parseLong(f.get(2)),
                f.get(3), Instant.parse(f.get(4)), f.get(5), Boolean.parseBoolean(f.get(7)),
                Boolean.parseBoolean(f.get(8)), f.get(9), f.get(10), f.get(11), Boolean.parseBoolean(f.get(12)),
                f.get(13), f.get(14), f.get(15), f.get(16));
    }

    /** RFC 4180 fields; an empty unquoted field is null (how the export writes a missing value), "" is empty. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>(17);
        int i = 0;
        while (i <= line.length()) {
            if (i < line.length() && line.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < line.length()) {
                    char c = line.charAt(i);
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        value.append('"');
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
                fields.add(unguard(value.toString()));
                i++; // the comma
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? line.length() : comma;
                fields.add(end == i ? null : line.substring(i, end));
                i = end + 1;
            }
        }
        return fields;
    }

    private static String unguard(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0
                ? value.substring(1) : value;
    }

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        // A leading = + - @ would be run as a formula by spreadsheet programs.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
