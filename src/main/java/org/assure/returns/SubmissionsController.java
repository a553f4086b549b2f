package org.assure.returns;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Validated;
import org.assure.web.Forms;
import org.assure.web.Model;

/**
 * Signing off a return and what follows: check answers, declaration and submit (lead), the confirmation,
 * return for changes (admin), the printable view, past submissions and the history (lead and admin).
 */
@Controller("/returns/{id}")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SubmissionsController {
    private final Submissions submissions;
    private final Forms forms;

    SubmissionsController(Submissions submissions, Forms forms) {
        this.submissions = submissions;
        this.forms = forms;
    }

    @Get("/check")
    MutableHttpResponse<?> check(CurrentUser user, @PathVariable long id) {
        return Forms.page("returns/check", Model.of("page", submissions.check(user, id)));
    }

    @Post("/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> submit(CurrentUser user, @PathVariable long id, @Body Submissions.DeclarationForm form) {
        FormErrors errors = forms.validate(form);
        Validated<String> submitted = submissions.submit(user, id, form, errors);
        return submitted.isValid() ? Forms.seeOther("/returns/" + id + "/submitted")
                : Forms.invalid("returns/check", Model.of("page", submissions.check(user, id, form)), submitted.errors());
    }

    @Get("/submitted")
    MutableHttpResponse<?> submitted(CurrentUser user, @PathVariable long id) {
        return Forms.page("returns/submitted", Model.of("submission", submissions.latest(user, id)).with("returnId", id));
    }

    @Get("/return-for-changes")
    MutableHttpResponse<?> returnPage(CurrentUser admin, @PathVariable long id) {
        return Forms.page("returns/return-for-changes", Model.of("page", submissions.returnPage(admin, id)));
    }

    @Post("/return-for-changes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> returnForChanges(CurrentUser admin, @PathVariable long id, @Body Submissions.ReturnForm form) {
        FormErrors errors = forms.validate(form);
        Validated<String> returned = submissions.returnForChanges(admin, id, form, errors);
        return returned.isValid() ? Forms.seeOther("/returns/" + id + "?returned=1")
                : Forms.invalid("returns/return-for-changes", Model.of("page", submissions.returnPage(admin, id, form)), returned.errors());
    }

    @Get("/print")
    MutableHttpResponse<?> print(CurrentUser user, @PathVariable long id) {
        return Forms.page("returns/print", Model.of("page", submissions.print(user, id)));
    }

    @Get("/submissions/{number}")
    MutableHttpResponse<?> submission(CurrentUser user, @PathVariable long id, @PathVariable int number) {
        return Forms.page("returns/print", Model.of("page", submissions.submission(user, id, number)));
    }

    @Get("/history")
    MutableHttpResponse<?> history(CurrentUser user, @PathVariable long id) {
        return Forms.page("returns/history", Model.of("page", submissions.history(user, id)));
    }
}
