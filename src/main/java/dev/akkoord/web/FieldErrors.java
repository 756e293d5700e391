package dev.akkoord.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;

/**
 * Bean Validation's findings as a 400 problem: {@code detail} for people, and {@code errors}, one
 * {@code {"field", "message"}} per broken constraint, for programs (RFC 9457 lets a problem type add members).
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    /**
     * @param prefix what the fields are part of, e.g. {@code "[3]"} for the fourth element of a list ("" for none)
     * @param detail the sentence for people; null to list the fields and their messages
     */
    public static ProblemException problem(String prefix, Set<? extends ConstraintViolation<?>> violations,
            String detail) {
        List<Map<String, String>> errors = violations.stream()
                .map(violation -> Map.of("field", prefix + field(violation), "message", violation.getMessage()))
                .sorted(Comparator.comparing((Map<String, String> error) -> error.get("field"))
                        .thenComparing(error -> error.get("message")))
                .toList();
        String text = detail != null ? detail : errors.stream()
                .map(error -> error.get("field") + " " + error.get("message")).collect(Collectors.joining("; "));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("errors", errors);
        return new ProblemException(400, "Bad request", text, extra);
    }

    /** The property path without the method and parameter a resource's own validation puts in front. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
