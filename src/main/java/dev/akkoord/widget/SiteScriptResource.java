package dev.akkoord.widget;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.akkoord.web.ApiDocument;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The banner with its site's config inside, at {@code /akkoord/site/<siteId>.js}. It carries the config for
 * {@code ?lang=} (else the site's default language); a page in another of the site's languages still fetches its
 * own. It changes with the site, so it is cached briefly and revalidated by ETag. Once prepared for the site's version,
 * {@link BannerRoute} answers it from memory; this answers the first request and what is not found.
 */
@Path("/akkoord/site")
@Tag(name = "Banner")
public final class SiteScriptResource {

    static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400";

    private final WidgetService widgets;
    private final SiteBanners banners;

    SiteScriptResource(WidgetService widgets, SiteBanners banners) {
        this.widgets = widgets;
        this.banners = banners;
    }

    @GET
    @Path("{siteId}.js")
    @Operation(summary = "The banner script with the site's config for one language inside (public; ETag and 304)")
    @APIResponse(responseCode = "200", ref = ApiDocument.SCRIPT)
    @APIResponse(responseCode = "404", description = "No site with this id, or no banner script in this release")
    @APIResponse(responseCode = "503", description = "PostgreSQL or Redis cannot be reached; retry after Retry-After "
            + "seconds")
    public Uni<Response> siteScript(@RestPath String siteId, @RestQuery String lang,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding, @HeaderParam("Origin") String origin,
            @HeaderParam("Referer") String referer) {
        UUID site = parseSiteId(siteId);
        WidgetAsset asset = widgets.asset()
                .orElseThrow(() -> ProblemException.notFound("The banner script was not built into this release"));
        return banners.script(asset, site, lang, new SiteBanners.Asked(ifNoneMatch, acceptEncoding, origin, referer),
                PreparedAnswers.Form.SITE_SCRIPT);
    }

    private static UUID parseSiteId(String siteId) {
        try {
            return UUID.fromString(siteId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No site with id " + siteId);
        }
    }
}
