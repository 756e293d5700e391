package dev.akkoord.widget;

import java.util.function.Supplier;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.akkoord.web.ProblemException;

/**
 * Serves the banner script: {@code /akkoord.js} with a short max-age and an ETag (sites that embed it
 * pick up new builds within minutes), and {@code /akkoord/<hash>.js}, immutable for a year (sites that
 * pin a build, with Subresource Integrity). Both come gzip-compressed when the client accepts it.
 */
@Path("/")
public final class WidgetResource {

    static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    static final String LATEST_CACHE = "public, max-age=300, stale-while-revalidate=86400";
    static final String IMMUTABLE_CACHE = "public, max-age=31536000, immutable";

    private final WidgetService widgets;

    public WidgetResource(WidgetService widgets) {
        this.widgets = widgets;
    }

    @GET
    @Path("akkoord.js")
    @NonBlocking
    public Response latest(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return serve(current(), LATEST_CACHE, ifNoneMatch, acceptEncoding);
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
        Response.ResponseBuilder response = negotiate(ifNoneMatch, acceptEncoding, asset.etag(), asset::body, asset::gzipped);
        return asScript(response, asset.etag(), cacheControl);
    }

    /** 304 when the client holds this version, else the script, gzipped where the client accepts gzip. */
    static Response.ResponseBuilder negotiate(String ifNoneMatch, String acceptEncoding, String etag, Supplier<byte[]> body,
            Supplier<byte[]> gzipped) {
        if (Conditional.matches(ifNoneMatch, etag)) {
            return Response.notModified();
        }
        if (Conditional.acceptsGzip(acceptEncoding)) {
            return Response.ok(gzipped.get()).header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return Response.ok(body.get());
    }

    /** The headers every form of the banner script is served with. */
    static Response asScript(Response.ResponseBuilder response, String etag, String cacheControl) {
        return response.type(JAVASCRIPT)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                // Cross-origin <script integrity crossorigin> needs CORS; COEP sites need CORP.
                .header("Access-Control-Allow-Origin", "*")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header("X-Content-Type-Options", "nosniff")
                // Lets sites measure the banner's load in their own real-user monitoring.
                .header("Timing-Allow-Origin", "*")
                .build();
    }
}
