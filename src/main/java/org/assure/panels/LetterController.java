package org.assure.panels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import org.assure.access.CurrentUser;
import org.assure.kernel.Validated;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.Map;

/** The partnership's letter template, a case's outcome letter (page, print, Word, approve, send) and the organisation's reading of it. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class LetterController {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Map<String, String> DONE = Map.of("edited", "The letter has been changed", "unchanged", "Nothing had changed in the letter",
            "approved", "The letter has been approved", "sent", "The letter has been sent to the organisation",
            "sent-nobody", "The letter is sent and the organisation can read it, but nobody has an email address to be told of it");

    private final OutcomeLetters letters;

    LetterController(OutcomeLetters letters) {
        this.letters = letters;
    }

    @Serdeable
    public record TemplateBody(@Nullable String body, @Nullable String version) {
    }

    @Serdeable
    public record LetterBody(@Nullable String body, @Nullable String version) {
    }

    @Get("/panels/letter-template")
    MutableHttpResponse<?> template(CurrentUser admin, @Nullable @QueryValue String done) {
        return Forms.page("panels/letter-template", Model.of("page", letters.templatePage(admin)).with("form", letters.templateForm(admin))
                .with("done", "saved".equals(done) ? "The letter template has been saved" : null));
    }

    @Post("/panels/letter-template")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> saveTemplate(CurrentUser admin, @Body TemplateBody body) {
        OutcomeLetters.TemplateForm form = new OutcomeLetters.TemplateForm(body.body(), body.version());
        Validated<Long> saved = letters.saveTemplate(admin, form);
        if (!saved.isValid()) {
            return Forms.invalid("panels/letter-template", Model.of("page", letters.templatePage(admin)).with("form", form), saved.errors());
        }
        return Forms.seeOther("/panels/letter-template?done=saved");
    }

    @Get("/panels/{id}/cases/{caseId}/letter")
    MutableHttpResponse<?> letter(CurrentUser user, @PathVariable long id, @PathVariable long caseId, @Nullable @QueryValue String done) {
        OutcomeLetters.LetterPage page = letters.page(user, id, caseId);
        return Forms.page("panels/letter", Model.of("page", page).with("done", done == null ? null : DONE.get(done))
                .with("form", new OutcomeLetters.LetterForm(page.letter() == null ? "" : page.letter().body(),
                        page.letter() == null ? "" : page.letter().version())));
    }

    @Post("/panels/{id}/cases/{caseId}/letter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> edit(CurrentUser user, @PathVariable long id, @PathVariable long caseId, @Body LetterBody body) {
        OutcomeLetters.LetterForm form = new OutcomeLetters.LetterForm(body.body(), body.version());
        Validated<String> saved = letters.edit(user, id, caseId, form);
        if (!saved.isValid()) {
            return Forms.invalid("panels/letter", Model.of("page", letters.page(user, id, caseId)).with("form", form), saved.errors());
        }
        return Forms.seeOther(letterPath(id, caseId) + "?done=" + saved.value());
    }

    @Get("/panels/{id}/cases/{caseId}/letter/print")
    MutableHttpResponse<?> print(CurrentUser user, @PathVariable long id, @PathVariable long caseId) {
        return Forms.page("panels/letter-print", Model.of("page", letters.page(user, id, caseId)));
    }

    @Get("/panels/{id}/cases/{caseId}/letter.docx")
    @Produces(DOCX)
    MutableHttpResponse<byte[]> docx(CurrentUser user, @PathVariable long id, @PathVariable long caseId) {
        return download(letters.docx(user, id, caseId));
    }

    @Post("/panels/{id}/cases/{caseId}/letter/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> approve(CurrentUser user, @PathVariable long id, @PathVariable long caseId) {
        return Forms.seeOther(letterPath(id, caseId) + "?done=" + letters.approve(user, id, caseId));
    }

    @Post("/panels/{id}/cases/{caseId}/letter/send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> send(CurrentUser admin, @PathVariable long id, @PathVariable long caseId) {
        return Forms.seeOther(letterPath(id, caseId) + "?done=" + letters.send(admin, id, caseId));
    }

    @Get("/returns/{id}/outcome")
    MutableHttpResponse<?> outcome(CurrentUser user, @PathVariable long id) {
        return Forms.page("panels/outcome", Model.of("page", letters.outcome(user, id)));
    }

    @Get("/returns/{id}/outcome/{caseId}.docx")
    @Produces(DOCX)
    MutableHttpResponse<byte[]> outcomeDocx(CurrentUser user, @PathVariable long id, @PathVariable long caseId) {
        return download(letters.outcomeDocx(user, id, caseId));
    }

    private static MutableHttpResponse<byte[]> download(OutcomeLetters.Docx docx) {
        return HttpResponse.ok(docx.bytes()).contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + docx.fileName() + "\"");
    }

    private static String letterPath(long id, long caseId) {
        return "/panels/" + id + "/cases/" + caseId + "/letter";
    }
}
