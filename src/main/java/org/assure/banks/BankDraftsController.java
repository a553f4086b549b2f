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
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.banks.BankWorkbook.SheetProblem;
import org.assure.kernel.FormErrors;
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
    private final BankDrafts drafts;

    BankDraftsController(BankDrafts drafts) {
        this.drafts = drafts;
    }

    static String path(long draftId) {
        return "/banks/drafts/" + draftId;
    }

    @Get("/import")
    MutableHttpResponse<?> form(CurrentUser admin) {
        return Forms.page("banks/import", Model.of("problems", List.of()));
    }

    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> upload(CurrentUser admin, @Nullable CompletedFileUpload file) throws IOException {
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return refused("Select an Excel (.xlsx) file", List.of());
        }
        BankDrafts.Upload upload = drafts.upload(admin, file.getFilename(), file.getBytes());
        if (upload.draftId() == null) {
            return refused("The file cannot be used as a bank version: fix the problems listed below and upload it again", upload.problems());
        }
        return Forms.seeOther(path(upload.draftId()));
    }

    /** Netty stops reading a part over micronaut.server.multipart.max-file-size before the controller runs. */
    @Error(exception = ContentLengthExceededException.class)
    MutableHttpResponse<?> tooLarge() {
        return refused("The selected file must be smaller than 20 MB", List.of());
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
