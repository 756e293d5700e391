package dev.akkoord.classify;

import java.util.Objects;

/**
 * What is known about one cookie when it is classified. Only the name is required.
 *
 * @param name            the cookie (or storage key) name as observed
 * @param domain          the cookie's Domain attribute or the host that set it, if known
 * @param lifetimeSeconds seconds until expiry; {@link #SESSION} for a session cookie; {@code null} when unknown
 * @param secure          the Secure flag, {@code null} when unknown
 * @param httpOnly        the HttpOnly flag, {@code null} when unknown
 * @param thirdParty      whether the cookie belongs to another site than the page's, {@code null} when unknown
 * @param trackerHost     the host of the script, pixel or frame that set it, if known (for example
 *                        {@code www.googletagmanager.com} for a cookie written by gtag.js)
 * @param valueShape      what the value looks like ({@code uuid}, {@code hex id}, {@code json}, {@code token},
 *                        {@code timestamp or id}, {@code dotted ids}, {@code number}, {@code word}, {@code text},
 *                        {@code empty}, {@code consent string} for an IAB TCF, US Privacy or GPP record), as a browser
 *                        scan reports it; {@code null} when unknown
 * @param setterUrl       the URL of the script or response that wrote it, also when it is the site's own (a
 *                        self-hosted {@code /js/posthog.js} still names its vendor); {@code null} when unknown
 * @param scriptWritten   true when a script wrote it ({@code document.cookie}, {@code cookieStore}), false when a
 *                        response's Set-Cookie header did; {@code null} when unknown
 */
public record CookieFacts(String name, String domain, Long lifetimeSeconds, Boolean secure, Boolean httpOnly,
        Boolean thirdParty, String trackerHost, String valueShape, String setterUrl, Boolean scriptWritten) {

    /** Lifetime of a cookie without Expires or Max-Age. */
    public static final long SESSION = 0L;

    public CookieFacts {
        Objects.requireNonNull(name, "name");
    }

    public CookieFacts(String name, String domain, Long lifetimeSeconds, Boolean secure, Boolean httpOnly,
            Boolean thirdParty, String trackerHost) {
        this(name, domain, lifetimeSeconds, secure, httpOnly, thirdParty, trackerHost, null, null, null);
    }

    public static CookieFacts named(String name) {
        return new CookieFacts(name, null, null, null, null, null, null);
    }

    public static CookieFacts of(String name, String domain) {
        return new CookieFacts(name, domain, null, null, null, null, null);
    }

    public CookieFacts withLifetime(Long seconds) {
        return new CookieFacts(name, domain, seconds, secure, httpOnly, thirdParty, trackerHost,
                valueShape, setterUrl, scriptWritten);
    }

    public CookieFacts withThirdParty(Boolean thirdParty) {
        return new CookieFacts(name, domain, lifetimeSeconds, secure, httpOnly, thirdParty, trackerHost,
                valueShape, setterUrl, scriptWritten);
    }

    public CookieFacts withSetter(String valueShape, String setterUrl) {
        return new CookieFacts(name, domain, lifetimeSeconds, secure, httpOnly, thirdParty, trackerHost, valueShape,
                setterUrl, scriptWritten);
    }

    public CookieFacts withScriptWritten(Boolean scriptWritten) {
        return new CookieFacts(name, domain, lifetimeSeconds, secure, httpOnly, thirdParty, trackerHost, valueShape,
                setterUrl, scriptWritten);
    }

    public CookieFacts withTrackerHost(String trackerHost) {
        return new CookieFacts(name, domain, lifetimeSeconds, secure, httpOnly, thirdParty, trackerHost,
                valueShape, setterUrl, scriptWritten);
    }
}
