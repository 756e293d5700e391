package dev.akkoord.widget;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * One version of a banner answer, ready to write: its body in each coding we offer, and its headers, made once and
 * written from memory for every request, as a static file server would. {@link BannerRoute} writes it on the event
 * loop; the REST resources, which answer what is not prepared yet, turn the same answer into a JAX-RS response, so both
 * ways send the same bytes and headers.
 */
final class PreparedAnswer {

    private static final CharSequence CONTENT_ENCODING = HttpHeaders.CONTENT_ENCODING;
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    private static final CharSequence BROTLI = HttpHeaders.createOptimized("br");

    private final String version;
    private final String etag;
    private final byte[] plain;
    private final CompressedForms compressed;
    private final Map<String, String> headers;
    private final MultiMap writtenHeaders;
    private final Buffer plainBuffer;
    private final Buffer gzipBuffer;
    private volatile Buffer brotliBuffer;

    /**
     * @param version what the answer is valid for: the site's banner version, or the build's hash
     * @param headers the headers of every form of it, ETag included; the coding's own is added per request
     */
    PreparedAnswer(String version, String etag, byte[] plain, CompressedForms compressed, Map<String, String> headers) {
        this.version = version;
        this.etag = etag;
        this.plain = plain;
        this.compressed = compressed;
        this.headers = Map.copyOf(headers);
        this.writtenHeaders = HttpHeaders.headers();
        headers.forEach((name, value) -> writtenHeaders.add(HttpHeaders.createOptimized(name), HttpHeaders.createOptimized(value)));
        this.plainBuffer = shared(plain);
        this.gzipBuffer = shared(compressed.gzip());
    }

    /** Headers for a banner script: cacheable by anyone, readable cross-origin, measurable by the page. */
    static Map<String, String> scriptHeaders(String etag, String cacheControl, String vary) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", WidgetResource.JAVASCRIPT);
        headers.put("ETag", etag);
        headers.put("Cache-Control", cacheControl);
        headers.put("Vary", vary);
        // Cross-origin <script integrity crossorigin> needs CORS; COEP sites need CORP.
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("Cross-Origin-Resource-Policy", "cross-origin");
        headers.put("X-Content-Type-Options", "nosniff");
        // Lets sites measure the banner's load in their own real-user monitoring.
        headers.put("Timing-Allow-Origin", "*");
        return headers;
    }

    String version() {
        return version;
    }

    String etag() {
        return etag;
    }

    /** Answers the request: 304 when the client holds this version, else the body in its preferred coding. */
    void write(HttpServerRequest request, HttpServerResponse response) {
        response.headers().addAll(writtenHeaders);
        if (Conditional.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatusCode(304).end();
            return;
        }
        for (String coding : Conditional.acceptableCodings(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            Buffer body = coding.equals("br") ? brotli() : gzipBuffer;
            if (body != null) {
                response.putHeader(CONTENT_ENCODING, coding.equals("br") ? BROTLI : GZIP).end(body);
                return;
            }
        }
        response.end(plainBuffer);
    }

    /** The same answer for a REST resource. */
    Response toResponse(String ifNoneMatch, String acceptEncoding) {
        Response.ResponseBuilder response = WidgetResource.negotiate(ifNoneMatch, acceptEncoding, etag, () -> plain,
                () -> compressed);
        headers.forEach(response::header);
        return response.build();
    }

    private Buffer brotli() {
        Buffer ready = brotliBuffer;
        if (ready == null) {
            byte[] bytes = compressed.brotli();
            if (bytes != null) {
                brotliBuffer = ready = shared(bytes);
            }
        }
        return ready;
    }

    /**
     * Off-heap and never freed: Netty writes it to the socket without copying, and each response writes a duplicate of
     * it, so the same bytes serve every request.
     */
    private static Buffer shared(byte[] bytes) {
        ByteBuf direct = Unpooled.directBuffer(bytes.length, bytes.length).writeBytes(bytes);
        return Buffer.buffer(Unpooled.unreleasableBuffer(direct));
    }
}
