package dev.akkoord.classify;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Layer 4: hand-written rules about what cookie names say, for names the knowledge base does not list. The first
 * rule that fits decides. They encode common conventions of web frameworks, consent tools and ad tech, not lists of
 * particular cookies.
 */
final class NameRules {

    /** One rule: a name test, the category it implies and how much that says. */
    record Rule(String id, Category category, double confidence, String purpose,
            BiPredicate<CookieName, CookieFacts> test) {
    }

    private static final long HOUR = 3600;

    private static final Set<String> CONSENT_WORDS = Set.of("consent", "consents", "cookieconsent", "optanon", "cmplz",
            "complianz", "cookielawinfo", "cookieyes", "cky", "gdpr", "ccpa", "usprivacy", "tcf", "cookiebot", "didomi",
            "osano", "borlabs", "iubenda", "axeptio", "cookiefirst", "termly", "usercentrics");
    private static final Set<String> COOKIE_WORDS = Set.of("cookie", "cookies");
    private static final Set<String> COOKIE_CHOICE_WORDS = Set.of("accept", "accepted", "agree", "agreed", "allow",
            "allowed", "notice", "policy", "banner", "preferences", "prefs", "settings", "choice", "choices", "level",
            "law", "status", "seen", "dismissed", "bar", "popup");
    private static final Set<String> LOAD_BALANCER_WORDS = Set.of("affinity", "lb", "alb", "elb", "sticky", "route",
            "routeid", "serverid", "backend", "ingress", "bigipserver", "arraffinity", "awsalb", "awselb", "awsalbcors",
            "awselbcors", "awsalbtg", "awsalbtgcors");
    private static final Set<String> BOT_WORDS = Set.of("captcha", "recaptcha", "hcaptcha", "turnstile", "antibot",
            "bot", "challenge", "waf", "firewall", "fraud", "clearance", "datadome", "incap", "abck", "bm");
    private static final Set<String> AUTH_WORDS = Set.of("auth", "authenticated", "login", "logged", "loggedin",
            "signin", "sso", "saml", "oauth", "jwt", "remember", "rememberme", "password", "passwd", "mfa", "2fa", "tfa");
    private static final Set<String> SESSION_WORDS = Set.of("session", "sess", "sessid", "sessionid", "phpsessid",
            "jsessionid", "aspsessionid", "sid", "cfid", "cftoken");
    private static final Set<String> LOCALE_WORDS = Set.of("lang", "language", "languages", "locale", "lng", "i18n",
            "l10n", "culture", "currency", "timezone", "tz", "country", "countrycode", "region");
    private static final Set<String> CART_WORDS = Set.of("cart", "basket", "checkout", "wishlist", "order", "coupon",
            "discount");
    private static final Set<String> DISPLAY_WORDS = Set.of("theme", "darkmode", "colormode", "font", "fontsize",
            "layout", "sidebar", "collapsed", "expanded", "dismissed", "toggle", "pinned", "contrast", "accessibility",
            "a11y");
    /** What a visitor chose or saw on the site's own pages: panels closed, filters set, items viewed. */
    private static final Set<String> PREFERENCE_WORDS = Set.of("pref", "prefs", "preference", "preferences",
            "setting", "settings", "config", "options", "mode", "hide", "hidden", "closed", "dismiss", "shown", "popup",
            "modal", "overlay", "notice", "notification", "notifications", "alert", "announcement", "tooltip", "tour",
            "onboarding", "welcome", "redirect", "redirected", "returnto", "remembered", "saved", "recent", "recently",
            "viewed", "filter", "filters", "sort", "zoom", "volume", "muted", "autoplay", "compare", "favorites",
            "favourites", "bookmark", "bookmarks", "draft", "drafts", "upload", "editor");
    private static final Set<String> AD_WORDS = Set.of("ad", "ads", "adid", "adv", "advert", "advertising", "adserver",
            "retarget", "retargeting", "remarketing", "gclid", "gclsrc", "fbclid", "msclkid", "dclid", "fbp", "fbc",
            "conversion", "conversions", "affiliate", "rtb", "dsp", "ssp", "bidder", "prebid", "audience",
            "audiences", "targeting", "impression", "impressions", "freq", "frequency", "capping",
            "clickid", "criteo");

    private static final Set<String> ANALYTICS_WORDS = Set.of("analytics", "analytic", "stats", "statistics",
            "stat", "track", "tracking", "tracker", "visitor", "visitors", "pageview", "pageviews", "utm", "metrics",
            "telemetry", "heatmap", "heatmaps", "experiment", "experiments", "abtest", "variant", "variation",
            "recording", "replay", "funnel", "attribution", "returning", "uniq", "unique", "fingerprint");

    static final List<Rule> RULES = List.of(
            new Rule("csrf", Category.FUNCTIONAL, 0.95, "Protects forms against cross-site request forgery.",
                    (n, f) -> n.contains("csrf") || n.contains("xsrf") || n.contains("antiforgery")
                            || n.contains("requestverificationtoken")),
            new Rule("consent", Category.FUNCTIONAL, 0.9, "Remembers the visitor's cookie choices.",
                    (n, f) -> n.contains("consent") || n.hasAnyWord(CONSENT_WORDS)
                            || (n.hasAnyWord(COOKIE_WORDS) && n.hasAnyWord(COOKIE_CHOICE_WORDS))),
            // The value is an IAB consent record (TCF, US Privacy, GPP): it stores the visitor's choices, whatever its name.
            new Rule("consent-string", Category.FUNCTIONAL, 0.9, "Remembers the visitor's cookie choices.",
                    (n, f) -> "consent string".equals(f.valueShape())),
            new Rule("load-balancer", Category.FUNCTIONAL, 0.85,
                    "Keeps the visitor on the same server while the site is busy.",
                    (n, f) -> n.hasAnyWord(LOAD_BALANCER_WORDS) || n.lower.startsWith("bigipserver")
                            || n.lower.startsWith("nsc_") || n.lower.startsWith("awsalb") || n.lower.startsWith("awselb")),
            new Rule("bot-protection", Category.FUNCTIONAL, 0.85,
                    "Helps tell people from bots, to keep the site secure.",
                    (n, f) -> n.hasAnyWord(BOT_WORDS) || n.contains("captcha")),
            new Rule("advertising", Category.MARKETING, 0.8,
                    "Used for advertising, retargeting or conversion tracking.",
                    (n, f) -> n.hasAnyWord(AD_WORDS)),
            new Rule("analytics", Category.ANALYTICAL, 0.75, "Used to measure how visitors use the site.",
                    (n, f) -> n.hasAnyWord(ANALYTICS_WORDS)),
            new Rule("authentication", Category.FUNCTIONAL, 0.8, "Keeps the visitor signed in.",
                    (n, f) -> n.hasAnyWord(AUTH_WORDS) && firstParty(f)),
            // A server keeps its session in a Set-Cookie; a "session" a script writes is a tool's or a widget's.
            new Rule("session", Category.FUNCTIONAL, 0.8,
                    "Lets the site recognise the visitor from page to page during a visit.",
                    (n, f) -> n.hasAnyWord(SESSION_WORDS) && !Boolean.TRUE.equals(f.thirdParty()) && !shortLived(f)
                            && !Boolean.TRUE.equals(f.scriptWritten())),
            new Rule("locale", Category.FUNCTIONAL, 0.85, "Remembers the visitor's language, region or currency.",
                    (n, f) -> n.hasAnyWord(LOCALE_WORDS) && firstParty(f)),
            new Rule("cart", Category.FUNCTIONAL, 0.8, "Keeps the shopping cart and checkout working.",
                    (n, f) -> n.hasAnyWord(CART_WORDS) && firstParty(f)),
            new Rule("display", Category.FUNCTIONAL, 0.75, "Remembers how the visitor likes the site displayed.",
                    (n, f) -> n.hasAnyWord(DISPLAY_WORDS) && firstParty(f)),
            new Rule("preferences", Category.FUNCTIONAL, 0.75, "Remembers what the visitor chose or saw on the site.",
                    (n, f) -> n.hasAnyWord(PREFERENCE_WORDS) && firstParty(f)),
            // Scripts cannot read an HttpOnly cookie, so client-side trackers do not use one; the site's server does.
            new Rule("server-only", Category.FUNCTIONAL, 0.7, "Used by the site's server to run the site.",
                    (n, f) -> Boolean.TRUE.equals(f.httpOnly()) && Boolean.FALSE.equals(f.thirdParty())));

    private static final List<Set<String>> VOCABULARIES = List.of(CONSENT_WORDS, COOKIE_WORDS, COOKIE_CHOICE_WORDS,
            LOAD_BALANCER_WORDS, BOT_WORDS, AUTH_WORDS, SESSION_WORDS, LOCALE_WORDS, CART_WORDS, DISPLAY_WORDS,
            PREFERENCE_WORDS, AD_WORDS, ANALYTICS_WORDS);

    private NameRules() {
    }

    /** Whether the rules read this word as saying what a cookie is for ("wishlist", "attribution"). */
    static boolean readsAsPurpose(String word) {
        for (Set<String> vocabulary : VOCABULARIES) {
            if (vocabulary.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static Optional<Rule> firstMatch(CookieName name, CookieFacts facts) {
        for (Rule rule : RULES) {
            if (rule.test().test(name, facts)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Sessions, logins and carts of the site itself; the same words on another site's cookie prove nothing. */
    private static boolean firstParty(CookieFacts facts) {
        return !Boolean.TRUE.equals(facts.thirdParty());
    }

    /** Analytics tools keep a "session" of up to an hour or so; server sessions last until the browser closes. */
    private static boolean shortLived(CookieFacts facts) {
        Long seconds = facts.lifetimeSeconds();
        return seconds != null && seconds > CookieFacts.SESSION && seconds <= HOUR;
    }
}
