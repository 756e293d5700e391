package dev.akkoord.dashboard;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.akkoord.web.ProblemException;
import dev.akkoord.web.ProblemPages;

/** HTML error pages for people in a browser (the API answers problem+json instead). */
@ApplicationScoped
public class ErrorPages implements ProblemPages {

    private static final List<String> PAGES = List.of("/dashboard", "/privacy/consent");

    /** The dashboard and the visitor-rights page. */
    @Override
    public boolean serves(String path) {
        return PAGES.stream().anyMatch(page -> path.equals(page) || path.startsWith(page + "/"));
    }

    @Override
    public Response page(ProblemException problem) {
        Response page = page(problem.status(), problem.title(), problem.getMessage());
        Object retryAfter = problem.extra().get("retryAfter");
        return retryAfter == null ? page : Response.fromResponse(page).header("Retry-After", retryAfter.toString()).build();
    }

    public Response page(int status, String title, String detail) {
        String html = Templates.error(Page.signedOut(title), status, detail).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
