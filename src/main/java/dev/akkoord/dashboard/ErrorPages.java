package dev.akkoord.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.akkoord.web.ProblemException;

/** HTML error pages for people in a browser (the API answers problem+json instead). */
@ApplicationScoped
public class ErrorPages {

    public Response page(ProblemException problem) {
        return page(problem.status(), problem.title(), problem.getMessage());
    }

    public Response page(int status, String title, String detail) {
        String html = Templates.error(Page.signedOut(title), status, detail).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
