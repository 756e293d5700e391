package dev.akkoord.web;

import java.util.Map;

/**
 * A failure the caller can do something about. Rendered as {@code application/problem+json} (RFC 9457) by
 * {@link ProblemMappers}; {@code extra} members (for example {@code retryAfter}) are added to the body.
 */
public final class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, Object> extra;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public ProblemException(int status, String title, String detail, Map<String, Object> extra) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.extra = Map.copyOf(extra);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
