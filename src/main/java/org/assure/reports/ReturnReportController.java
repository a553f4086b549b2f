package org.assure.reports;

import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.web.Forms;
import org.assure.web.Model;
import org.assure.web.Workbooks;

import static org.assure.web.Workbooks.XLSX;

/** An organisation's return report: the page, the same to print, and a workbook; one read serves all three (ADR 0044). */
@Controller("/returns/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReturnReportController {
    private final ReturnReport reports;

    ReturnReportController(ReturnReport reports) {
        this.reports = reports;
    }

    @Get("/report")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> report(CurrentUser user, @PathVariable long id) {
        return Forms.page("reports/return", Model.of("page", reports.report(user, id, false)));
    }

    @Get("/report/print")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> print(CurrentUser user, @PathVariable long id) {
        return Forms.page("reports/return", Model.of("page", reports.report(user, id, true)));
    }

    // a workbook, or the HTML page of a refusal: a browser's link asks for HTML among the rest
    @Get("/report.xlsx")
    @Produces({XLSX, MediaType.TEXT_HTML})
    MutableHttpResponse<byte[]> workbook(CurrentUser user, @PathVariable long id) {
        return Workbooks.download(ReturnReportWorkbook.of(reports.report(user, id, false)), "return-" + id + "-report.xlsx");
    }
}
