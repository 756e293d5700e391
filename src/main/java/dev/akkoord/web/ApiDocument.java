package dev.akkoord.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What every operation of the API document shares, added once here instead of on each resource method: the bearer
 * scheme, the problem+json body of every error answer, and the answers that come from common code (the caller check
 * of {@link BearerAuthentication} and the permission checks, the 304 of conditional GETs, the body checks of
 * {@link BodyLimits} and the JSON reader,
 * the outage answer of {@link Outages}). Resources annotate only what is their own. Runs at build time: the document
 * is fixed.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public final class ApiDocument implements OASFilter {

    /** The name resources put in {@code @SecurityRequirement(name = ...)}. */
    public static final String BEARER = "bearer";
    /** Not "Problem": a record of the chain verifier is already documented under that name. */
    static final String PROBLEM_SCHEMA = "ProblemDetails";
    /** The answer of every script endpoint, for {@code @APIResponse(responseCode = "200", ref = SCRIPT)}. */
    public static final String SCRIPT = "Script";
    /** Where the project's titles differ from the HTTP reason phrase ({@link ProblemException}, {@link BodyLimits}). */
    private static final Map<Integer, String> TITLES = Map.of(400, "Bad request", 404, "Not found",
            413, "Content Too Large");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("The operator token (AKKOORD_ADMIN_TOKEN or the data directory's admin-token file) or "
                        + "a site's API key, as 'Authorization: Bearer <token>'. A site key reaches only its own "
                        + "site."));
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        components.addResponse(SCRIPT, OASFactory.createAPIResponse()
                .description("The script, brotli- or gzip-compressed where the client accepts it (minified; the example "
                        + "shows its start)")
                .content(OASFactory.createContent().addMediaType("text/javascript",
                        OASFactory.createMediaType().schema(text(null)).example(ApiExamples.SCRIPT))));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> complete(path, method, operation)));
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean keyed = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (keyed) {
            addIfAbsent(responses, "401", "No bearer token, or one that is not a valid operator token or API key");
            addIfAbsent(responses, "403", "A valid token that may not do this: another site's key, or a site key "
                    + "where only the operator may");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "400", "Malformed JSON, an unknown field, a field of the wrong type, or an "
                    + "invalid value");
            addIfAbsent(responses, "413", "The body is larger than the endpoint accepts (Content-Length)");
            addIfAbsent(responses, "415", "A Content-Type the endpoint does not read");
        }
        if (readsHeader(operation, "If-None-Match")) {
            // The conditional answers: whoever reads If-None-Match answers 304 for the current ETag.
            addIfAbsent(responses, "304", "Not modified: If-None-Match names the current ETag; no body");
        }
        if (path.startsWith("/api/")) {
            addIfAbsent(responses, "503", "PostgreSQL or Redis cannot be reached; retry after Retry-After seconds");
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (isError(status) && response.getRef() == null && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent(Integer.parseInt(status), response.getDescription()));
            }
        });
    }

    private static boolean readsHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    /** The body {@link Problem} writes, with an example whose detail is the response's description. */
    private static Content problemContent(int status, String description) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title(status));
        example.put("status", status);
        example.put("detail", description);
        if (status == 429 || status == 503) {
            example.put("retryAfter", status == 503 ? Outages.RETRY_AFTER_SECONDS : 12);
        }
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)).example(example));
    }

    private static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return TITLES.getOrDefault(status, known == null ? "Error" : known.getReasonPhrase());
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).description("RFC 9457 problem details")
                .addProperty("type", text("Always about:blank: the status and title say what happened"))
                .addProperty("title", text("The status in words"))
                .addProperty("status", integer("The HTTP status"))
                .addProperty("detail", text("What was wrong, for a person to read"))
                .addProperty("retryAfter", integer("On 429 and 503: seconds to wait, as in the Retry-After header"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("On a 400 from Bean Validation: one entry per field refused")
                        .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                .addProperty("field", text("The field, e.g. [3].name for the fourth cookie's name"))
                                .addProperty("message", text("What is wrong with it"))))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).description(description);
    }
}
