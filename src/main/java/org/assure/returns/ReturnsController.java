package org.assure.returns;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import io.micronaut.views.ModelAndView;
import org.assure.access.CurrentUser;
import org.assure.kernel.FormErrors;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Completing a return: the task list and one page per section. */
@Controller("/returns")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReturnsController {
    private final ReturnService returns;
    private final Delegation delegation;
    private final Submissions submissions;
    private final KeptAnswers kept;
    private final Forms forms;

    ReturnsController(ReturnService returns, Delegation delegation, Submissions submissions, KeptAnswers kept, Forms forms) {
        this.returns = returns;
        this.delegation = delegation;
        this.submissions = submissions;
        this.kept = kept;
        this.forms = forms;
    }

    @Get("/{id}")
    MutableHttpResponse<?> taskList(CurrentUser user, @PathVariable long id) {
        ReturnService.TaskList task = returns.taskList(user, id);
        return Forms.page("returns/task-list", Model.of("task", task)
                .with("submission", submissions.latestIfAny(task.context()).orElse(null)));
    }

    @Get("/{id}/sections/{key}")
    MutableHttpResponse<?> section(HttpRequest<?> request, CurrentUser user, @PathVariable long id, @PathVariable String key) {
        return kept.sectionPage(request, user, id, key).orElseGet(() ->
                Forms.page("returns/section", Model.of("page", returns.section(user, id, key)).with("notice", null)));
    }

    @Post("/{id}/sections/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(CurrentUser user, @PathVariable long id, @PathVariable String key, @Body Map<String, Object> body) {
        Map<String, List<String>> form = normalise(body);
        ReturnService.Action action = "later".equals(ReturnService.first(form, "action")) ? ReturnService.Action.LATER : ReturnService.Action.CONTINUE;
        boolean complete = "true".equals(ReturnService.first(form, "complete"));
        return outcome(user, id, key, form, complete, action);
    }

    @Get("/{id}/sections/{key}/assign")
    MutableHttpResponse<?> assignPage(CurrentUser user, @PathVariable long id, @PathVariable String key) {
        return Forms.page("returns/assign", Model.of("page", delegation.page(user, id, key)));
    }

    @Post("/{id}/sections/{key}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> assign(CurrentUser user, @PathVariable long id, @PathVariable String key, @Body Delegation.AssignForm form) {
        FormErrors errors = forms.validate(form);
        return delegation.assign(user, id, key, form, errors)
                .<MutableHttpResponse<?>>map(page -> Forms.invalid("returns/assign", Model.of("page", page), errors))
                .orElseGet(() -> Forms.seeOther("/returns/" + id));
    }

    /** The conflict page's choices: "mine" answers are saved again over the version the person has now seen. */
    @Post("/{id}/sections/{key}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> resolve(CurrentUser user, @PathVariable long id, @PathVariable String key, @Body Map<String, Object> body) {
        return outcome(user, id, key, chosenAsMine(normalise(body)), false, ReturnService.Action.STAY);
    }

    /** From the conflict page's choices, the fields of the answers the person chose to keep as theirs. */
    static Map<String, List<String>> chosenAsMine(Map<String, List<String>> form) {
        Map<String, List<String>> mine = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.endsWith("-choice") && values.contains("mine")) {
                String q = name.substring(0, name.length() - "-choice".length());
                for (String suffix : List.of("", "-evidence", "-reason", "-day", "-month", "-year", "-version")) {
                    if (form.containsKey(q + suffix)) {
                        mine.put(q + suffix, form.get(q + suffix));
                    }
                }
            }
        });
        return mine;
    }

    private MutableHttpResponse<?> outcome(CurrentUser user, long id, String key, Map<String, List<String>> form, boolean complete,
                                           ReturnService.Action action) {
        ReturnService.Outcome outcome = returns.save(user, id, key, form, complete, action);
        if (!outcome.clashes().isEmpty()) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("returns/conflict",
                    Model.of("clashes", outcome.clashes()).with("returnId", id).with("sectionKey", key)
                            .with("saved", outcome.saved()).with("errors", FormErrors.none())));
        }
        if (!outcome.errors().isEmpty()) {
            return Forms.invalid("returns/section", Model.of("page", outcome.page()).with("notice", outcome.saved()
                    ? "Your other answers have been saved, but the section is not complete yet." : null), outcome.errors());
        }
        return Forms.seeOther(outcome.next());
    }

    static Map<String, List<String>> normalise(Map<String, Object> body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            List<String> values = new ArrayList<>();
            if (v instanceof Iterable<?> it) {
                it.forEach(x -> values.add(x == null ? "" : x.toString()));
            } else if (v != null) {
                values.add(v.toString());
            }
            form.put(k, values);
        });
        return form;
    }
}
