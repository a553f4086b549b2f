package org.assure.exports;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.web.Forms;
import org.assure.web.Model;

/** A cycle's exports: the list and the button, a job's progress page, and its file when ready. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ExportsController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final Exports exports;

    ExportsController(Exports exports) {
        this.exports = exports;
    }

    @Get("/cycles/{id}/exports")
    MutableHttpResponse<?> list(CurrentUser admin, @PathVariable long id) {
        return Forms.page("exports/list", Model.of("cycleId", id).with("jobs", exports.ofCycle(admin, id)));
    }

    @Post("/cycles/{id}/exports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> start(CurrentUser admin, @PathVariable long id) {
        return Forms.seeOther("/exports/" + exports.startAnswers(admin, id));
    }

    @Get("/exports/{id}")
    MutableHttpResponse<?> job(CurrentUser admin, @PathVariable long id) {
        return Forms.page("exports/job", Model.of("job", exports.page(admin, id)));
    }

    @Get("/exports/{id}.xlsx")
    @Produces(XLSX)
    MutableHttpResponse<SystemFile> download(CurrentUser admin, @PathVariable long id) {
        return HttpResponse.ok(new SystemFile(exports.file(admin, id).toFile(), MediaType.of(XLSX)))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + exports.downloadName(admin, id) + "\"");
    }
}
