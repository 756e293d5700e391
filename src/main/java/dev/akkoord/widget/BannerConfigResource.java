package dev.akkoord.widget;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.akkoord.web.ApiExamples;
import io.smallrye.mutiny.Uni;

/**
 * The public banner configuration, fetched by the plain tag's banner on every page view, so it is cheap to revalidate.
 * Once prepared for a site's version, {@link BannerRoute} answers it from memory; this answers the first request and
 * what is not found.
 */
@Path("/api/v1/sites/{siteId}/banner")
@Tag(name = "Banner")
public final class BannerConfigResource {

    static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400";

    private final SiteBanners banners;

    BannerConfigResource(SiteBanners banners) {
        this.banners = banners;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The banner configuration for a language (public; ETag and 304 supported)")
    @APIResponse(responseCode = "200", description = "The config for 'lang', else the site's default language "
            + "(texts shortened in the example)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.BANNER_CONFIG))
    @APIResponse(responseCode = "404", description = "No site with this id")
    public Uni<Response> bannerConfig(@RestPath UUID siteId, @RestQuery String lang,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding, @HeaderParam("Origin") String origin,
            @HeaderParam("Referer") String referer) {
        return banners.config(siteId, lang, new SiteBanners.Asked(ifNoneMatch, acceptEncoding, origin, referer));
    }
}
