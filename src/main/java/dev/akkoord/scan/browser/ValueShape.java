package dev.akkoord.scan.browser;

import java.util.regex.Pattern;

/** What a cookie value looks like, so that a scan can describe it without keeping it. */
final class ValueShape {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{16,}");
    private static final Pattern DOTTED_IDS = Pattern.compile("[A-Za-z0-9]+(\\.[A-Za-z0-9_-]+){2,}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    /**
     * IAB TCF v2 string: base64url; its first six bits are version 2 ("C") and the next ones the creation time, which
     * for strings made from 2019 to the 2030s gives a second character from N to R. A random token rarely looks so.
     */
    private static final Pattern TCF = Pattern.compile("C[N-R][A-Za-z0-9_-]{38,}(\\.[A-Za-z0-9_-]+)*");
    /** IAB US Privacy string: version 1 and three Y/N/- flags. */
    private static final Pattern US_PRIVACY = Pattern.compile("1[YNyn-]{3}");
    /** IAB Global Privacy Platform string: a header section starting DB, sections joined by tildes. */
    private static final Pattern GPP = Pattern.compile("DB[A-Za-z0-9_-]+(~[A-Za-z0-9_.-]*)+");

    /** The shape of a record of a visitor's consent choices in one of the IAB formats. */
    public static final String CONSENT_STRING = "consent string";

    private ValueShape() {
    }

    static String of(String value) {
        if (value == null || value.isEmpty()) {
            return "empty";
        }
        String v = value.length() > 2 && value.startsWith("%7B") ? "{" : value;
        if (v.startsWith("{") || v.startsWith("[")) {
            return "json";
        }
        if (TCF.matcher(v).matches() || US_PRIVACY.matcher(v).matches()
                || GPP.matcher(v).matches()) {
            return CONSENT_STRING;
        }
        if (NUMBER.matcher(v).matches()) {
            return v.length() >= 10 ? "timestamp or id" : "number";
        }
        if (UUID.matcher(v).matches()) {
            return "uuid";
        }
        if (HEX.matcher(v).matches()) {
            return "hex id";
        }
        if (DOTTED_IDS.matcher(v).matches()) {
            return "dotted ids";
        }
        if (BASE64.matcher(v).matches()) {
            return "token";
        }
        if (WORD.matcher(v).matches()) {
            return "word";
        }
        return "text";
    }
}
