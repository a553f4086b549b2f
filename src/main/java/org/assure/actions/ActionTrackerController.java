package org.assure.actions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.web.Forms;
import org.assure.web.Model;
import org.assure.web.Workbooks;

import static org.assure.web.Workbooks.XLSX;

/** The partnership's action tracker and its download, both read through the filters in the query string. */
@Controller("/actions")
@ExecuteOn(TaskExecutors.BLOCKING)
class ActionTrackerController {

    private final ActionTracker tracker;

    ActionTrackerController(ActionTracker tracker) {
        this.tracker = tracker;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> tracker(CurrentUser user, @Nullable @QueryValue String cycle, @Nullable @QueryValue String type,
                                   @Nullable @QueryValue String phase, @Nullable @QueryValue String section, @Nullable @QueryValue String status,
                                   @Nullable @QueryValue String overdue, @Nullable @QueryValue String source, @Nullable @QueryValue String page) {
        var query = new ActionTracker.Query(cycle, type, phase, section, status, overdue, source, page);
        return Forms.page("actions/tracker", Model.of("page", tracker.tracker(user, query)));
    }

    // a workbook, or the HTML page of a refusal: a browser's link asks for HTML among the rest
    @Get("/tracker.xlsx")
    @Produces({XLSX, MediaType.TEXT_HTML})
    MutableHttpResponse<StreamedFile> download(CurrentUser user, @Nullable @QueryValue String cycle, @Nullable @QueryValue String type,
                                               @Nullable @QueryValue String phase, @Nullable @QueryValue String section,
                                               @Nullable @QueryValue String status, @Nullable @QueryValue String overdue,
                                               @Nullable @QueryValue String source) {
        var query = new ActionTracker.Query(cycle, type, phase, section, status, overdue, source, null);
        var file = new StreamedFile(TrackerWorkbook.write(each -> tracker.eachRow(user, query, each)), MediaType.of(XLSX));
        return Workbooks.download(file, "action-tracker.xlsx");
    }
}
