package dev.akkoord.consent;

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

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        // A leading = + - @ would be run as a formula by spreadsheet programs.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
