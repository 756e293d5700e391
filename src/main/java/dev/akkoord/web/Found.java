package dev.akkoord.web;

import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

/** Turns "nothing there" from a lookup or a removal into a 404 problem, for {@code Uni.map}. */
public final class Found {

    private Found() {
    }

    /** Passes a found value on; null becomes a 404 saying {@code detail}. */
    public static <T> Function<T, T> orNotFound(Supplier<String> detail) {
        return value -> {
            if (value == null) {
                throw ProblemException.notFound(detail.get());
            }
            return value;
        };
    }

    /** A removal answers 204; where there was nothing to remove, a 404 saying {@code detail}. */
    public static Function<Boolean, Response> noContentOrNotFound(Supplier<String> detail) {
        return removed -> {
            if (!removed) {
                throw ProblemException.notFound(detail.get());
            }
            return Response.noContent().build();
        };
    }
}
