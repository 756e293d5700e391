package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.akkoord.web.ApiDocument;
import dev.akkoord.web.ApiExamples;
import dev.akkoord.web.FieldErrors;
import dev.akkoord.web.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Classifies a list of cookie names, so anyone can check the classifier against their own labelled data. */
@Path("/api/v1/classify")
@Tag(name = "Classification")
@SecurityRequirement(name = ApiDocument.BEARER)
public final class ClassifyResource {

    static final String TEXT_CSV = "text/csv";
    /** Cookie names are short; anything longer is not a cookie name. */
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_DOMAIN_LENGTH = 253;

    private final Classifier classifier;
    private final int maxNames;
    private final Validator validator;

    ClassifyResource(Classifier classifier, ClassifyConfig config, Validator validator) {
        this.classifier = classifier;
        this.maxNames = config.maxNames();
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Classify cookies given as a JSON array of {name, domain?} (operator or any site key); "
            + "answers [{name, category, confidence, source}] in the same order; or the same list as CSV")
    // Both request forms on one operation; the CSV method below is hidden so its summary does not replace this one.
    @RequestBody(required = true, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(type = SchemaType.ARRAY, implementation = ClassifyRequest.class),
                example = ApiExamples.CLASSIFY_REQUEST),
        @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING), example = ApiExamples.CLASSIFY_CSV)})
    @APIResponse(responseCode = "200", description = "One answer per cookie, in the order given", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ClassifiedCookie.class),
            example = ApiExamples.CLASSIFIED))
    @APIResponse(responseCode = "400", description = "Not a list, too many cookies, a cookie without a name, or a "
            + "name or domain that is too long; for CSV, a missing 'name' header")
    @Authenticated // any operator or site key: the answer depends on nothing stored for a site
    public Uni<List<ClassifiedCookie>> classifyJson(List<ClassifyRequest> cookies) {
        return classify(() -> {
            if (cookies == null) {
                throw ProblemException.badRequest("Send a JSON array of {\"name\": ..., \"domain\": ...} objects");
            }
            if (cookies.size() > maxNames) {
                throw ProblemException.badRequest("At most " + maxNames + " cookies per request; got " + cookies.size());
            }
            return cookies;
        });
    }

    @POST
    @Consumes(TEXT_CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    @Authenticated
    public Uni<List<ClassifiedCookie>> classifyCsv(String body) {
        return classify(() -> CookieListCsv.parse(body, maxNames));
    }

    /** Reads and classifies the list on a worker thread (it can be 10,000 names). */
    private Uni<List<ClassifiedCookie>> classify(Supplier<List<ClassifyRequest>> cookies) {
        return Uni.createFrom().item(() -> classifyAll(validated(cookies.get())))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private List<ClassifiedCookie> classifyAll(List<ClassifyRequest> cookies) {
        List<ClassifiedCookie> answers = new ArrayList<>(cookies.size());
        for (ClassifyRequest cookie : cookies) {
            answers.add(ClassifiedCookie.of(cookie.name(),
                    classifier.classify(CookieFacts.of(cookie.name(), cookie.domain()))));
        }
        return answers;
    }

    /** Each cookie against its record's constraints (JSON and CSV alike); the first one refused says why. */
    private List<ClassifyRequest> validated(List<ClassifyRequest> cookies) {
        for (int i = 0; i < cookies.size(); i++) {
            ClassifyRequest cookie = cookies.get(i);
            if (cookie == null) {
                throw ProblemException.badRequest("Cookie " + i + " has no 'name'");
            }
            Set<ConstraintViolation<ClassifyRequest>> violations = validator.validate(cookie);
            if (!violations.isEmpty()) {
                String first = violations.stream().map(ConstraintViolation::getMessage).sorted().findFirst()
                        .orElseThrow();
                throw FieldErrors.problem("[" + i + "].", violations, "Cookie " + i + " " + first);
            }
        }
        return cookies;
    }
}
