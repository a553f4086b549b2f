package org.assure.exports;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import org.assure.access.CurrentUser;
import org.assure.kernel.FormErrors;
import org.assure.web.Forms;
import org.assure.web.Model;
import org.assure.web.Workbooks;

import java.util.List;

import static org.assure.web.Workbooks.XLSX;

/** A cycle's exports: the list and the button, a job's progress page, and its file when ready. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ExportsController {
    private final Exports exports;

    ExportsController(Exports exports) {
        this.exports = exports;
    }

    @Get("/cycles/{id}/exports")
    MutableHttpResponse<?> list(CurrentUser admin, @PathVariable long id) {
        return Forms.page("exports/list", model(admin, id));
    }

    /** The start form: which kind of export its button names. Text, so that a bad value is answered with a message. */
    @Serdeable
    public record KindForm(@Nullable String kind) {
    }

    /** Starts the export of the kind the button names; a form naming none (or one that does not exist) is told so. */
    @Post("/cycles/{id}/exports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> start(CurrentUser admin, @PathVariable long id, @Body KindForm form) {
        var kind = ExportKind.parse(form.kind());
        if (kind.isEmpty()) {
            return Forms.invalid("exports/list", model(admin, id),
                    FormErrors.none().add(ExportKind.values()[0].name(), "Choose which export to start with one of the buttons"));
        }
        return Forms.seeOther("/exports/" + exports.start(admin, id, kind.get()));
    }

    private Model model(CurrentUser admin, long cycleId) {
        return Model.of("cycleId", cycleId).with("jobs", exports.ofCycle(admin, cycleId)).with("kinds", List.of(ExportKind.values()));
    }

    @Get("/exports/{id}")
    MutableHttpResponse<?> job(CurrentUser admin, @PathVariable long id) {
        return Forms.page("exports/job", Model.of("job", exports.page(admin, id)));
    }

    @Get("/exports/{id}.xlsx")
    @Produces(XLSX)
    MutableHttpResponse<SystemFile> download(CurrentUser admin, @PathVariable long id) {
        Exports.Download file = exports.download(admin, id);
        return Workbooks.download(new SystemFile(file.file().toFile(), MediaType.of(XLSX)), file.name());
    }
}
