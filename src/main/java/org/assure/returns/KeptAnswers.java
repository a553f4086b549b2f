package org.assure.returns;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.banks.BankModel;
import org.assure.web.Forms;
import org.assure.web.Model;
import org.assure.web.PendingForms;
import org.assure.web.ResumablePosts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A section form posted after the session ended comes back on its section page after signing in, with
 * what was typed in the fields, to be checked and saved by the person (ADR 0012). It is not saved for them.
 */
@Singleton
class KeptAnswers {
    static final String NOTICE = "You were signed out before your answers were saved. Check them and save this section.";
    private static final Pattern POSTED = Pattern.compile("/returns/(\\d+)/sections/([^/]+)(/resolve)?");
    private final PendingForms pending;
    private final ReturnService returns;

    KeptAnswers(PendingForms pending, ReturnService returns) {
        this.pending = pending;
        this.returns = returns;
    }

    /** Which posts are kept: a section's form and its conflict page's choices, both shown again on the section page. */
    @Singleton
    static class SectionPosts implements ResumablePosts {
        @Override
        public Optional<String> resumeAt(String postedPath) {
            Matcher m = POSTED.matcher(postedPath);
            return m.matches() ? Optional.of("/returns/" + m.group(1) + "/sections/" + m.group(2)) : Optional.empty();
        }
    }

    /**
     * The section page with this browser's kept form for this section, if it has one; the form is then
     * forgotten. The access rule runs first, so a person who may not see the return gets its 404 and the
     * form stays for the one who posted it.
     */
    Optional<MutableHttpResponse<?>> sectionPage(HttpRequest<?> request, CurrentUser user, long returnId, String sectionKey) {
        String path = "/returns/" + returnId + "/sections/" + sectionKey;
        Optional<PendingForms.Pending> kept = pending.find(request)
                .filter(p -> p.path().equals(path) || p.path().equals(path + "/resolve"));
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        boolean sectionForm = kept.get().path().equals(path);
        Map<String, List<String>> form = sectionForm ? kept.get().fields()
                : keptMine(kept.get().fields(), ReturnService.sectionOf(returns.load(user, returnId), sectionKey));
        ReturnService.SectionView page = returns.sectionAsTyped(user, returnId, sectionKey, form);
        // the section form's "Mark this section as complete" comes back as it was posted; the conflict page has none
        Boolean complete = sectionForm ? form.getOrDefault("complete", List.of()).contains("true") : null;
        MutableHttpResponse<?> response = Forms.page("returns/section", Model.of("page", page).with("notice", NOTICE)
                .with("keptComplete", complete));
        pending.forget(request, response);
        return Optional.of(response);
    }

    /**
     * From the conflict page's choices, the answers the person chose to keep as theirs (as the conflict page's
     * own post reads them, {@link ReturnsController#chosenAsMine}): answers they chose to give up are not shown again.
     */
    static Map<String, List<String>> keptMine(Map<String, List<String>> form, BankModel.Section section) {
        Map<String, List<String>> mine = ReturnsController.chosenAsMine(form);
        for (BankModel.Question q : section.questions()) {
            if (q.type() == BankModel.QuestionType.MULTIPLE_CHOICE && mine.containsKey(q.key())) {
                // the conflict page carries the options as one comma-separated field (codes hold no commas);
                // the section page ticks a box per option
                mine.put(q.key(), mine.get(q.key()).stream().flatMap(v -> Arrays.stream(v.split(","))).filter(v -> !v.isBlank()).toList());
            }
        }
        return mine;
    }
}
