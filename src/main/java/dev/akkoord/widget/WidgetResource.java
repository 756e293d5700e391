package dev.akkoord.widget;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.akkoord.site.SiteHosts;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Serves the banner script: {@code /akkoord.js} with a short max-age and an ETag (sites that embed it
 * pick up new builds within minutes), and {@code /akkoord/<hash>.js}, immutable for a year (sites that
 * pin a build, with Subresource Integrity). Both come brotli- or gzip-compressed when the client accepts it. Asked for
 * by a page whose host a site claims ({@link SiteHosts}), {@code /akkoord.js} carries that site's config as the
 * per-site script does, so the plain tag needs no second request; the immutable copy stays byte for byte the build.
 */
@Path("/")
public final class WidgetResource {

    static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    static final String LATEST_CACHE = "public, max-age=300, stale-while-revalidate=86400, stale-if-error=604800";
    static final String IMMUTABLE_CACHE = "public, max-age=31536000, immutable";
    /** With a site's config inside: for the browser only, and per page origin. */
    static final String WITH_CONFIG_CACHE = "private, max-age=60, stale-while-revalidate=300, stale-if-error=86400";
    static final String WITH_CONFIG_VARY = HttpHeaders.ACCEPT_ENCODING + ", Referer";

    private final WidgetService widgets;
    private final SiteHosts hosts;
    private final SiteScripts siteScripts;

    WidgetResource(WidgetService widgets, SiteHosts hosts, SiteScripts siteScripts) {
        this.widgets = widgets;
        this.hosts = hosts;
        this.siteScripts = siteScripts;
    }

    @GET
    @Path("akkoord.js")
    public Uni<Response> latest(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding, @HeaderParam("Referer") String referer) {
        WidgetAsset asset = current();
        Optional<UUID> site = hosts.siteFor(referer);
        if (site.isEmpty()) {
            return Uni.createFrom().item(serve(asset, LATEST_CACHE, ifNoneMatch, acceptEncoding));
        }
        SiteScripts.Asked asked = new SiteScripts.Asked(ifNoneMatch, acceptEncoding, null, referer);
        return siteScripts.serve(asset, site.get(), null, asked, WITH_CONFIG_CACHE, WITH_CONFIG_VARY)
                // The site may be gone since the hosts were read: the script alone still works.
                .onFailure().recoverWithItem(() -> serve(asset, LATEST_CACHE, ifNoneMatch, acceptEncoding));
    }

    @GET
    @Path("akkoord/{file}")
    @NonBlocking
    public Response versioned(@PathParam("file") String file, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        WidgetAsset asset = current();
        if (!file.equals(asset.contentHash() + ".js")) {
            // Only the build in this release is kept; an old hash has no bytes that would match its SRI value.
            throw ProblemException.notFound("No banner build " + file + "; the current one is " + asset.versionedPath());
        }
        return serve(asset, IMMUTABLE_CACHE, ifNoneMatch, acceptEncoding);
    }

    private WidgetAsset current() {
        return widgets.asset().orElseThrow(() -> ProblemException.notFound("The banner script was not built into this release"));
    }

    private static Response serve(WidgetAsset asset, String cacheControl, String ifNoneMatch, String acceptEncoding) {
        Response.ResponseBuilder response = negotiate(ifNoneMatch, acceptEncoding, asset.etag(), asset::body,
                asset::compressed);
        return asScript(response, asset.etag(), cacheControl);
    }

    /** 304 when the client holds this version, else the script in the client's preferred coding that we have. */
    static Response.ResponseBuilder negotiate(String ifNoneMatch, String acceptEncoding, String etag, Supplier<byte[]> body,
            Supplier<CompressedForms> compressed) {
        if (Conditional.matches(ifNoneMatch, etag)) {
            return Response.notModified();
        }
        for (String coding : Conditional.acceptableCodings(acceptEncoding)) {
            byte[] encoded = coding.equals("br") ? compressed.get().brotli() : compressed.get().gzip();
            if (encoded != null) {
                return Response.ok(encoded).header(HttpHeaders.CONTENT_ENCODING, coding);
            }
        }
        return Response.ok(body.get());
    }

    /** The headers every form of the banner script is served with. */
    static Response asScript(Response.ResponseBuilder response, String etag, String cacheControl) {
        return asScript(response, etag, cacheControl, HttpHeaders.ACCEPT_ENCODING);
    }

    static Response asScript(Response.ResponseBuilder response, String etag, String cacheControl, String vary) {
        return response.type(JAVASCRIPT)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, vary)
                // Cross-origin <script integrity crossorigin> needs CORS; COEP sites need CORP.
                .header("Access-Control-Allow-Origin", "*")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header("X-Content-Type-Options", "nosniff")
                // Lets sites measure the banner's load in their own real-user monitoring.
                .header("Timing-Allow-Origin", "*")
                .build();
    }
}
