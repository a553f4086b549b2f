package org.assure.banks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.banks.BankWorkbook.SheetProblem;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.kernel.Text;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Partnership admins upload a workbook as a draft bank version, check it, and download it as YAML to commit. */
@Controller("/banks")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class BankDraftsController {
    static final String YAML = "application/yaml";
    private static final String NOT_USABLE = "The file cannot be used as a bank version: fix the problems listed below and upload it again";
    private static final String TOO_LARGE = "too-large";
    private static final String NO_FILE = "no-file";
    private final BankDrafts drafts;

    BankDraftsController(BankDrafts drafts) {
        this.drafts = drafts;
    }

    static String path(long draftId) {
        return "/banks/drafts/" + draftId;
    }

    /**
     * The form; with {@code refused}, a refused upload's problems; with {@code problem}, a refusal that has
     * nothing stored (see {@link #upload}).
     */
    @Get("/import")
    MutableHttpResponse<?> form(CurrentUser admin, @Nullable @QueryValue String refused, @Nullable @QueryValue String problem) {
        if (refused != null) {
            Long id = Text.parseId(refused);
            if (id == null) {
                throw Refusal.notFound("Upload");
            }
            return refused(NOT_USABLE, drafts.refusal(admin, id));
        }
        if (TOO_LARGE.equals(problem)) {
            return refused("The selected file must be smaller than 20 MB", List.of());
        }
        if (NO_FILE.equals(problem)) {
            return refused("Select an Excel (.xlsx) file", List.of());
        }
        return Forms.page("banks/import", Model.of("problems", List.of()));
    }

    /**
     * Every outcome is a redirect, a refusal included: the form posts to an address carrying its CSRF
     * token, which a page shown in answer to the post would leave in the address bar (doc/adr/0023).
     */
    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> upload(CurrentUser admin, @Nullable CompletedFileUpload file) throws IOException {
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return Forms.seeOther("/banks/import?problem=" + NO_FILE);
        }
        BankDrafts.Upload upload = drafts.upload(admin, file.getFilename(), file.getBytes());
        if (upload.draftId() == null) {
            return Forms.seeOther("/banks/import?refused=" + upload.refusalId());
        }
        return Forms.seeOther(path(upload.draftId()));
    }

    /** Netty stops reading a part over micronaut.server.multipart.max-file-size before the controller runs. */
    @Error(exception = ContentLengthExceededException.class)
    MutableHttpResponse<?> tooLarge() {
        return Forms.seeOther("/banks/import?problem=" + TOO_LARGE);
    }

    private static MutableHttpResponse<?> refused(String message, List<SheetProblem> problems) {
        return Forms.invalid("banks/import", Model.of("problems", problems), FormErrors.none().add("file", message));
    }

    @Get("/drafts/{id}")
    MutableHttpResponse<?> draft(CurrentUser admin, @PathVariable long id) {
        return Forms.page("banks/draft", Model.of("page", drafts.page(admin, id)));
    }

    @Get("/drafts/{id}.yaml")
    @Produces(YAML)
    MutableHttpResponse<byte[]> yaml(CurrentUser admin, @PathVariable long id) {
        BankDraft draft = drafts.find(admin, id);
        return HttpResponse.ok(draft.yaml().getBytes(StandardCharsets.UTF_8))
                .contentType(YAML + "; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + draft.version() + ".yaml\"");
    }
}
