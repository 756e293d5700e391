package dev.akkoord.alert;

/**
 * What a site's owners want to hear after a scan, and how.
 *
 * @param byMail        mail each owner granted the site
 * @param webhookUrl    an http(s) URL to POST each alert to, or null
 * @param webhookSecret the key of the webhook's signature; made when the webhook is first set
 */
public record AlertSettings(boolean newCookies, boolean violations, boolean unclassified, boolean failures,
        boolean byMail, String webhookUrl, String webhookSecret) {

    /** Every alert by mail, no webhook: what a site has until its owners choose. */
    static final AlertSettings DEFAULTS = new AlertSettings(true, true, true, true, true, null, null);

    public boolean wants(AlertKind kind) {
        return switch (kind) {
            case NEW_COOKIES -> newCookies;
            case VIOLATIONS -> violations;
            case UNCLASSIFIED -> unclassified;
            case FAILURE -> failures;
        };
    }
}
