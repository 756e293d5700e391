package dev.akkoord.widget;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.akkoord.site.BannerConfigService;
import dev.akkoord.site.SiteHosts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The banner's hot paths, answered on the event loop from {@link PreparedAnswer}s, as a static file server answers:
 * every page view of every client site asks for one of them. Only an answer already prepared for the site's current
 * banner version is served here; anything else (the first request for a version, a version this instance has not
 * checked for a second, an unknown site, a bad id) goes on to the REST resources, which prepare the answer or say
 * what is wrong.
 */
@ApplicationScoped
final class BannerRoute {

    /** After the body limit check, before the REST resources. */
    private static final int ORDER = -500;

    private final BuildAnswers build;
    private final PreparedAnswers answers;
    private final BannerConfigService configs;
    private final SiteHosts hosts;
    private final LongAdder fromMemory = new LongAdder();
    private final LongAdder passedOn = new LongAdder();

    BannerRoute(BuildAnswers build, PreparedAnswers answers, BannerConfigService configs, SiteHosts hosts,
            MeterRegistry metrics) {
        this.build = build;
        this.answers = answers;
        this.configs = configs;
        this.hosts = hosts;
        // The share answered from memory: a low one means versions change too often or the answers do not fit.
        FunctionCounter.builder("akkoord.banner.answers", fromMemory, LongAdder::sum).tag("from", "memory")
                .description("Banner requests by who answered them").register(metrics);
        FunctionCounter.builder("akkoord.banner.answers", passedOn, LongAdder::sum).tag("from", "resource")
                .description("Banner requests by who answered them").register(metrics);
    }

    void install(@Observes Router router) {
        readOnly(router.route("/akkoord/site/:file")).handler(this::siteScript);
        readOnly(router.route("/api/v1/sites/:siteId/banner")).handler(this::config);
        readOnly(router.route("/akkoord.js")).handler(this::sharedScript);
        readOnly(router.route("/akkoord/:file")).handler(this::immutableScript);
        readOnly(router.route("/akkoord-defaults.js")).handler(this::defaults);
        readOnly(router.route("/akkoord-defaults/:file")).handler(this::immutableDefaults);
    }

    private static Route readOnly(Route route) {
        return route.method(HttpMethod.GET).method(HttpMethod.HEAD).order(ORDER);
    }

    private void siteScript(RoutingContext context) {
        String file = context.pathParam("file");
        UUID site = file.endsWith(".js") ? uuid(file.substring(0, file.length() - 3)) : null;
        serveSite(context, site, language(context.request()), PreparedAnswers.Form.SITE_SCRIPT);
    }

    private void config(RoutingContext context) {
        serveSite(context, uuid(context.pathParam("siteId")), language(context.request()), PreparedAnswers.Form.CONFIG);
    }

    private void sharedScript(RoutingContext context) {
        String referer = context.request().getHeader("Referer");
        Optional<UUID> site = referer == null ? Optional.empty() : hosts.siteFor(referer);
        if (site.isPresent()) {
            serveSite(context, site.get(), null, PreparedAnswers.Form.SHARED_SCRIPT);
        } else {
            serve(context, build.banner().map(PreparedBuild::latest).orElse(null));
        }
    }

    private void immutableScript(RoutingContext context) {
        serve(context, build.banner().flatMap(banner -> banner.immutable(context.pathParam("file"))).orElse(null));
    }

    private void defaults(RoutingContext context) {
        serve(context, build.defaults().map(PreparedBuild::latest).orElse(null));
    }

    private void immutableDefaults(RoutingContext context) {
        serve(context, build.defaults().flatMap(stub -> stub.immutable(context.pathParam("file"))).orElse(null));
    }

    private void serveSite(RoutingContext context, UUID site, String language, PreparedAnswers.Form form) {
        String version = site == null ? null : configs.knownVersion(site);
        PreparedAnswer answer = version == null ? null
                : answers.find(new PreparedAnswers.Key(site, BannerConfigService.primaryLanguage(language), form), version);
        if (answer != null) {
            HttpServerRequest request = context.request();
            configs.sighted(site, request.getHeader("Origin"), request.getHeader("Referer"));
        }
        serve(context, answer);
    }

    private void serve(RoutingContext context, PreparedAnswer answer) {
        if (answer == null) {
            passedOn.increment();
            context.next();
        } else {
            fromMemory.increment();
            answer.write(context.request(), context.response());
        }
    }

    long answeredFromMemory() {
        return fromMemory.sum();
    }

    long passedOnToResources() {
        return passedOn.sum();
    }

    private static String language(HttpServerRequest request) {
        return request.query() == null ? null : request.getParam("lang");
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
