package org.assure.panels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.kernel.Validated;
import org.assure.web.FormBodies;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.List;
import java.util.Map;

/** A marker's page for a case: their marks, kept as a draft or submitted, and once theirs are in, everyone's side by side. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class MarkingController {
    private static final Map<String, String> DONE = Map.of("saved", "Your marks have been saved as a draft. Only you can see them.",
            "submitted", "Your marks are in. You can now see the other markers' submitted marks.");

    private final Marking marking;

    MarkingController(Marking marking) {
        this.marking = marking;
    }

    @Get("/panels/{id}/cases/{caseId}/marks")
    MutableHttpResponse<?> page(CurrentUser user, @PathVariable long id, @PathVariable long caseId, @Nullable @QueryValue String done) {
        return Forms.page("panels/marks", Model.of("page", marking.page(user, id, caseId, null)).with("done", done == null ? null : DONE.get(done)));
    }

    @Post("/panels/{id}/cases/{caseId}/marks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(CurrentUser member, @PathVariable long id, @PathVariable long caseId, HttpRequest<?> request) {
        // one set of fields per section or question (agree-, rating-, comment-<key>), so the form is read as its fields
        Map<String, List<String>> posted = FormBodies.fields((ServerHttpRequest<?>) request);
        Validated<Marking.Saved> done = marking.save(member, id, caseId, posted);
        if (!done.isValid()) {
            return Forms.invalid("panels/marks", Model.of("page", marking.page(member, id, caseId, posted)), done.errors());
        }
        return Forms.seeOther("/panels/" + id + "/cases/" + caseId + "/marks?done=" + (done.value() == Marking.Saved.SUBMITTED ? "submitted" : "saved"));
    }
}
