package dev.akkoord.consent;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.akkoord.web.ProblemException;
import dev.akkoord.web.RateLimiter;
import dev.akkoord.web.Sha256;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/** Checks a visitor's decision and appends it to the site's ledger. */
@ApplicationScoped
public class ConsentService {

    private static final Pattern CONSENT_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern VERSION = Pattern.compile("[0-9a-f]{8,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConsentLedger ledger;
    private final SiteAccessCache sites;
    private final RateLimiter rateLimiter;
    private final MeterRegistry metrics;
    private final int limitPerMinute;
    private final Map<ConsentAction, Counter> recorded = new EnumMap<>(ConsentAction.class);

    ConsentService(ConsentLedger ledger, SiteAccessCache sites, RateLimiter rateLimiter, MeterRegistry metrics,
            @ConfigProperty(name = "akkoord.consent.rate-limit-per-minute", defaultValue = "60") int limitPerMinute) {
        this.ledger = ledger;
        this.sites = sites;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
        this.limitPerMinute = limitPerMinute;
        // Looked up once: finding a tagged meter by name on every consent costs more than counting it.
        for (ConsentAction action : ConsentAction.values()) {
            recorded.put(action, metrics.counter("akkoord.consents.recorded", "action", action.key()));
        }
    }

    /** Where the decision came from: the browser's Origin, its address and user agent. */
    public record Client(String origin, String address, String userAgent) {
    }

    public Uni<StoredConsent> recordConsent(ConsentRequest request, Client client) {
        PendingConsent consent;
        try {
            consent = validate(request, client);
        } catch (ProblemException e) {
            return rejected("invalid", e);
        }
        return sites.site(consent.siteId())
                .flatMap(site -> {
                    if (site == null) {
                        return rejected("unknown-site", ProblemException.notFound("No site with id " + consent.siteId()));
                    }
                    if (!site.allowsOrigin(client.origin())) {
                        return rejected("origin", ProblemException.forbidden("Origin '" + client.origin()
                                + "' is not one of the site's domains: it must be https:// or http://, a listed "
                                + "host, and the listed port (443 or 80 where the domain names none)"));
                    }
                    return sites.versionExists(site.siteId(), consent.bannerVersion());
                })
                .flatMap(versionKnown -> versionKnown ? Uni.createFrom().voidItem()
                        : rejected("version", ProblemException.badRequest("Unknown banner version '"
                                + consent.bannerVersion() + "' for this site")))
                .flatMap(ignored -> rateLimiter.check("consent:" + consent.siteId() + ":"
                        + Sha256.hex(String.valueOf(client.address())).substring(0, 16), limitPerMinute,
                        Duration.ofMinutes(1)).onFailure(ProblemException.class).call(failure -> rejected("rate", null)))
                .flatMap(ignored -> ledger.append(consent))
                .invoke(stored -> recorded.get(consent.action()).increment());
    }

    private <T> Uni<T> rejected(String reason, ProblemException problem) {
        metrics.counter("akkoord.consents.rejected", "reason", reason).increment();
        return problem == null ? Uni.createFrom().nullItem() : Uni.createFrom().failure(problem);
    }

    static PendingConsent validate(ConsentRequest request, Client client) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body is required");
        }
        if (request.siteId() == null) {
            throw ProblemException.badRequest("'siteId' is required");
        }
        String consentId = request.consentId();
        checkLinked(request.action(), consentId);
        if (consentId == null) {
            consentId = newConsentId();
        } else if (!isConsentId(consentId)) {
            throw ProblemException.badRequest("'consentId' must be 32 lowercase hex characters, or left out");
        }
        if (request.bannerVersion() == null || !VERSION.matcher(request.bannerVersion()).matches()) {
            throw ProblemException.badRequest("'bannerVersion' is required: the version the visitor was shown");
        }
        if (request.action() == null) {
            throw ProblemException.badRequest("'action' is required");
        }
        ConsentRequest.Categories categories = request.categories();
        if (categories == null || categories.analytical() == null || categories.marketing() == null) {
            throw ProblemException.badRequest("'categories' must give both 'analytical' and 'marketing' as booleans");
        }
        checkConsistent(request.action(), categories);
        if (request.language() != null && !LANGUAGE.matcher(request.language()).matches()) {
            throw ProblemException.badRequest("'language' must be a language tag such as nl or nl-BE");
        }
        return new PendingConsent(request.siteId(), consentId, request.action(), categories.analytical(),
                categories.marketing(), request.bannerVersion(), request.language(), pageWithoutQuery(request.pageUrl()),
                Boolean.TRUE.equals(request.gpc()), ClientAddress.truncate(client.address()),
                userAgent(client.userAgent()));
    }

    /**
     * Only contradictions are refused. 'accept_all' may grant nothing optional: a site may use functional cookies
     * only, and under Global Privacy Control accepting all still leaves marketing off.
     */
    private static void checkConsistent(ConsentAction action, ConsentRequest.Categories categories) {
        boolean anyGranted = categories.analytical() || categories.marketing();
        if (action == ConsentAction.REJECT_ALL && anyGranted) {
            throw ProblemException.badRequest("'reject_all' cannot grant a category");
        }
        if (action == ConsentAction.GPC && categories.marketing()) {
            throw ProblemException.badRequest("A 'gpc' record cannot grant marketing");
        }
    }

    /** A record taken over from another domain is linked to the decision there by its consent id, or to nothing. */
    private static void checkLinked(ConsentAction action, String consentId) {
        if (action == ConsentAction.CROSS_DOMAIN && consentId == null) {
            throw ProblemException.badRequest("A 'cross_domain' record needs the 'consentId' of the decision it takes "
                    + "over");
        }
    }

    /** Query strings and fragments can carry personal data (e-mail addresses, tokens), so only the page is kept. */
    static String pageWithoutQuery(String pageUrl) {
        if (pageUrl == null || pageUrl.isBlank()) {
            return null;
        }
        if (pageUrl.length() > 2048) {
            throw ProblemException.badRequest("'pageUrl' may have at most 2048 characters");
        }
        URI uri;
        try {
            uri = URI.create(pageUrl.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'pageUrl' is not a valid URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw ProblemException.badRequest("'pageUrl' must be an absolute http(s) URL");
        }
        // Assembled from the parts of one parse: parsing the page again cost a noticeable share of each consent.
        StringBuilder page = new StringBuilder(pageUrl.length()).append(scheme).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            page.append(':').append(uri.getPort());
        }
        return page.append(uri.getRawPath()).toString();
    }

    private static String userAgent(String userAgent) {
        return userAgent == null ? null : userAgent.length() <= 512 ? userAgent : userAgent.substring(0, 512);
    }

    /** Whether {@code value} is a consent id as {@link #newConsentId} makes them: 32 lowercase hex characters. */
    public static boolean isConsentId(String value) {
        return value != null && CONSENT_ID.matcher(value).matches();
    }

    private static String newConsentId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
