package dev.akkoord.site;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.akkoord.web.ApiKeys;
import io.smallrye.mutiny.Uni;

/** The public banner configuration, fetched by the widget on every page view, so it is cheap to revalidate. */
@Path("/api/v1/sites/{siteId}/banner")
@Tag(name = "Banner")
public final class BannerResource {

    private static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400";

    private final BannerConfigService configs;

    BannerResource(BannerConfigService configs) {
        this.configs = configs;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The banner configuration for a language (public; ETag and 304 supported)")
    public Uni<Response> bannerConfig(@RestPath UUID siteId, @RestQuery String lang,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @HeaderParam("Origin") String origin,
            @HeaderParam("Referer") String referer) {
        return configs.configForPage(siteId, lang, origin, referer).map(config -> {
            String etag = "\"" + ApiKeys.sha256Hex(config).substring(0, 24) + "\"";
            Response.ResponseBuilder response = etag.equals(ifNoneMatch) ? Response.notModified()
                    : Response.ok(config, MediaType.APPLICATION_JSON_TYPE);
            return response.header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Vary", "Accept-Encoding")
                    // The banner's critical path: sites (and the paint profile) may time it in real-user monitoring.
                    .header("Timing-Allow-Origin", "*")
                    .build();
        });
    }
}
