package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
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

/** Completing a return: the task list and one page per section, its conflicts and its assignment. */
@Controller("/returns")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReturnsController {
    private final SectionPages pages;
    private final SectionSaving saving;
    private final Delegation delegation;
    private final Submissions submissions;
    private final KeptAnswers kept;
    private final Forms forms;
    private final ReleasedChallenges challenges;
    private final CarriedActions carried;

    ReturnsController(SectionPages pages, SectionSaving saving, Delegation delegation, Submissions submissions, KeptAnswers kept, Forms forms,
                      ReleasedChallenges challenges, CarriedActions carried) {
        this.carried = carried;
        this.pages = pages;
        this.saving = saving;
        this.delegation = delegation;
        this.submissions = submissions;
        this.kept = kept;
        this.forms = forms;
        this.challenges = challenges;
    }

    @Get("/{id}")
    MutableHttpResponse<?> taskList(CurrentUser user, @PathVariable long id) {
        SectionPages.TaskList task = pages.taskList(user, id);
        return Forms.page("returns/task-list", Model.of("task", task)
                .with("submission", submissions.latestIfAny(task.context()).orElse(null))
                .with("challenges", task.context().may().view() ? challenges.released(task.context().ret().partnershipId(), id) : 0)
                .with("carried", carried.of(task.context())));
    }

    @Get("/{id}/sections/{key}")
    MutableHttpResponse<?> section(HttpRequest<?> request, CurrentUser user, @PathVariable long id, @PathVariable String key) {
        return kept.sectionPage(request, user, id, key).orElseGet(() ->
                sectionPage(pages.section(user, id, key)));
    }

    private MutableHttpResponse<?> sectionPage(SectionPages.SectionView page) {
        return Forms.page("returns/section", Model.of("page", page).with("notice", null).with("carried", carried.of(page.context())));
    }

    @Post("/{id}/sections/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(CurrentUser user, @PathVariable long id, @PathVariable String key, @Body Map<String, Object> body) {
        Map<String, List<String>> posted = normalise(body);
        // shown again with errors, the tick stays as posted: cleared, the next save would quietly leave the section in progress
        return outcome(id, key, saving.save(user, id, key, posted), "true".equals(SectionForm.first(posted, SectionFields.COMPLETE)));
    }

    /** The conflict page's choices: "mine" answers are saved again over the version the person has now seen. */
    @Post("/{id}/sections/{key}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> resolve(CurrentUser user, @PathVariable long id, @PathVariable String key, @Body Map<String, Object> body) {
        return outcome(id, key, saving.resolve(user, id, key, normalise(body)), null);
    }

    @Get("/{id}/sections/{key}/assign")
    MutableHttpResponse<?> assignPage(CurrentUser user, @PathVariable long id, @PathVariable String key) {
        return Forms.page("returns/assign", Model.of("page", delegation.page(user, id, key)));
    }

    @Post("/{id}/sections/{key}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> assign(CurrentUser user, @PathVariable long id, @PathVariable String key, @Body Delegation.AssignForm form) {
        var assigned = delegation.assign(user, id, key, form, forms.validate(form));
        return assigned.isValid() ? Forms.seeOther("/returns/" + id)
                : Forms.invalid("returns/assign", Model.of("page", delegation.page(user, id, key, form)), assigned.errors());
    }

    /** @param postedComplete the "Mark this section as complete" tick as posted; null where the form has none (the conflict page) */
    private MutableHttpResponse<?> outcome(long id, String key, SectionSaving.Outcome outcome, @Nullable Boolean postedComplete) {
        if (!outcome.clashes().isEmpty()) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("returns/conflict",
                    Model.of("clashes", outcome.clashes()).with("returnId", id).with("sectionKey", key)
                            .with("saved", outcome.saved()).with("errors", FormErrors.none())));
        }
        if (!outcome.errors().isEmpty()) {
            return Forms.invalid("returns/section", Model.of("page", outcome.page()).with("notice", outcome.saved()
                    ? "Your other answers have been saved, but the section is not complete yet." : null)
                    .with("postedComplete", postedComplete).with("carried", carried.of(outcome.page().context())), outcome.errors());
        }
        return Forms.seeOther(outcome.next());
    }

    /** A posted form as Micronaut binds it (a value or a list per name) as lists of strings. */
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
