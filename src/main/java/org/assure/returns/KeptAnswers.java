package org.assure.returns;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.banks.BankModel;
import org.assure.web.Forms;
import org.assure.web.Model;
import org.assure.web.PendingForms;
import org.assure.web.ResumablePosts;

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
    private final SectionPages pages;

    KeptAnswers(PendingForms pending, ReturnService returns, SectionPages pages) {
        this.pending = pending;
        this.returns = returns;
        this.pages = pages;
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
        BankModel.Section section = returns.section(user, returns.load(user, returnId), sectionKey, Action.OPEN);
        boolean sectionForm = kept.get().path().equals(path);
        // from the conflict page, only the answers the person chose to keep as theirs: those they gave up are not shown again
        SectionForm form = SectionForm.parse(sectionForm ? kept.get().fields() : SectionForm.chosenAsMine(kept.get().fields(), section), section);
        SectionPages.SectionView page = pages.sectionAsTyped(user, returnId, sectionKey, form.answers());
        // the section form's "Mark this section as complete" comes back as it was posted; the conflict page has none
        MutableHttpResponse<?> response = Forms.page("returns/section", Model.of("page", page).with("notice", NOTICE)
                .with("postedComplete", sectionForm ? form.complete() : null));
        pending.forget(request, response);
        return Optional.of(response);
    }
}
