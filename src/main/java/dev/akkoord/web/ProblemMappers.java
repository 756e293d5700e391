package dev.akkoord.web;

import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into problem+json (or, on {@link ProblemPages}' paths, an HTML page); nothing here echoes a
 * Java class name. Whatever no other mapper takes ends in {@link #unexpected}: a server that cannot be reached is a
 * 503 (see {@link Outages}), anything else a 500 logged once with its stack trace.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int MAX_CAUSES = 32;

    private final Outages outages;
    private final Instance<ProblemPages> pages;

    ProblemMappers(Outages outages, Instance<ProblemPages> pages) {
        this.outages = outages;
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException problem) {
        return Problem.response(problem);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return Problem.response(400, "Bad request", "Unknown field '" + e.getPropertyName() + "'"
                + fieldPath(e) + ". Allowed: " + e.getKnownPropertyIds());
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        return Problem.response(400, "Bad request",
                "Field" + fieldPath(e) + " has an invalid value: " + String.valueOf(e.getValue()));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return Problem.response(400, "Bad request", "Field" + fieldPath(e) + " has the wrong type or shape");
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return Problem.response(400, "Bad request", "Malformed JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return Problem.response(FieldErrors.problem("", e.getConstraintViolations(), null));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unknownField(cause);
        }
        if (e.getCause() instanceof InvalidFormatException cause) {
            return wrongType(cause);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return mismatchedInput(cause);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformedJson(cause);
        }
        if (status >= 500) {
            return Problem.response(serverFailure(e));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title : e.getMessage();
        return Problem.response(status, title, detail);
    }

    /**
     * A value the request carried that a parser refused deep inside (an address, an identifier). It is the caller's
     * input, so a 400; but the message was written for developers and may name internals, so it is logged, not sent.
     * Validation meant for callers throws {@link ProblemException#badRequest} with its own words.
     */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        LOG.debugf("Refused a request: %s", e.getMessage());
        return Problem.response(400, "Bad request", "A value in the request is not valid");
    }

    /** The last resort: everything no mapper above (nor one of a resource class) takes. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        ProblemException problem = wrappedProblem(e);
        if (problem == null) {
            problem = serverFailure(e);
        }
        for (ProblemPages page : pages) {
            if (page.serves(uri.getPath())) {
                return page.page(problem);
            }
        }
        return Problem.response(problem);
    }

    private ProblemException serverFailure(Throwable e) {
        if (Outages.isUnavailable(e)) {
            return outages.unavailable(e);
        }
        LOG.error("Request failed", e);
        return new ProblemException(500, "Server error", "The request could not be completed");
    }

    /** A problem that reached us inside a wrapper ({@code CompletionException} and the like) still says what it is. */
    private static ProblemException wrappedProblem(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
        }
        return null;
    }

    private static String fieldPath(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "" : " '" + path + "'";
    }
}
