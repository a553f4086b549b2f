package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
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
import io.micronaut.views.ModelAndView;
import org.assure.access.CurrentUser;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.web.Forms;
import org.assure.web.Model;
import org.assure.web.Workbooks;

import java.io.IOException;

import static org.assure.web.Workbooks.XLSX;

/** Partnership admins import schools from a GIAS extract: upload, preview, confirm. */
@Controller("/organisations/import")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ImportController {
    private static final String TOO_LARGE = "too-large";
    private static final String NO_FILE = "no-file";
    private static final String CHANGED_MEANWHILE = "A school in this import was changed by someone else while you confirmed it."
            + " Nothing was imported. Check the preview below and confirm again.";
    private final OrganisationImports imports;

    ImportController(OrganisationImports imports) {
        this.imports = imports;
    }

    static String path(long importId) {
        return "/organisations/import/" + importId;
    }

    /** {@code problem}: a refusal that has no stored upload to show it (see {@link #upload}). */
    @Get
    MutableHttpResponse<?> form(@Nullable @QueryValue String problem) {
        if (TOO_LARGE.equals(problem)) {
            return refused(GiasReader.TOO_LARGE);
        }
        if (NO_FILE.equals(problem)) {
            return refused("Select a CSV or Excel (.xlsx) file");
        }
        return Forms.page("organisations/import", Model.empty());
    }

    /**
     * Every outcome is a redirect, a refusal included: the form posts to an address carrying its CSRF
     * token (a multipart body is not read before the controller), and a page shown in answer to the post
     * would leave that address, token and all, in the address bar, the history and the next Referer.
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> upload(CurrentUser admin, @Nullable CompletedFileUpload file) throws IOException {
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return Forms.seeOther("/organisations/import?problem=" + NO_FILE);
        }
        return Forms.seeOther(path(imports.store(admin, file.getFilename(), file.getBytes())));
    }

    /** Netty stops reading a part over micronaut.server.multipart.max-file-size before the controller runs. */
    @Error(exception = ContentLengthExceededException.class)
    MutableHttpResponse<?> tooLarge() {
        return Forms.seeOther("/organisations/import?problem=" + TOO_LARGE);
    }

    private static MutableHttpResponse<?> refused(String message) {
        return Forms.invalid("organisations/import", Model.empty(), FormErrors.none().add("file", message));
    }

    /** The preview until the import is confirmed; afterwards what confirming did; for a refused file, the form and why. */
    @Get("/{importId}")
    MutableHttpResponse<?> preview(CurrentUser admin, @PathVariable long importId) {
        OrganisationImports.Preview preview = imports.preview(admin, importId);
        if (preview.upload().isRefused()) {
            return refused(preview.upload().problem());
        }
        return Forms.page("organisations/import-preview", Model.of("preview", preview));
    }

    @Post("/{importId}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> confirm(CurrentUser admin, @PathVariable long importId) {
        try {
            imports.apply(admin, importId);
        } catch (Refusal e) {
            if (!e.is(Refusal.Kind.CONFLICT)) {
                throw e;
            }
            Model model = Model.of("preview", imports.preview(admin, importId)).with("problem", CHANGED_MEANWHILE)
                    .with("errors", FormErrors.none());
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>("organisations/import-preview", model));
        }
        return Forms.seeOther(path(importId));
    }

    @Get("/template.xlsx")
    @Produces(XLSX)
    MutableHttpResponse<byte[]> template() {
        return Workbooks.download(GiasTemplate.xlsx(), "school-list-template.xlsx");
    }
}
