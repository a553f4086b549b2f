package org.assure.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.kernel.Dates;
import org.assure.web.Forms;
import org.assure.web.Model;
import org.assure.web.Workbooks;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assure.web.Workbooks.XLSX;

/**
 * A cycle's composite report, named and anonymised; one view draws both, and one workbook writes both from the same
 * Report, so they can never show different figures.
 */
@Controller("/cycles/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
class CycleReportController {
    private final CycleReport reports;
    private final ReportReturns returns;
    private final Clock clock;

    CycleReportController(CycleReport reports, ReportReturns returns, Clock clock) {
        this.reports = reports;
        this.returns = returns;
        this.clock = clock;
    }

    @Get("/report")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> report(CurrentUser user, @PathVariable long id) {
        return Forms.page("reports/cycle", Model.of("page", reports.report(user, id, false, null)));
    }

    @Get("/report/anonymised")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> anonymised(CurrentUser user, @PathVariable long id, @Nullable @QueryValue String threshold) {
        return Forms.page("reports/cycle", Model.of("page", reports.report(user, id, true, threshold)));
    }

    // the pages' Report written as a workbook (ADR 0049), or the HTML page of a refusal: a browser's link asks for HTML among the rest
    @Get("/report.xlsx")
    @Produces({XLSX, MediaType.TEXT_HTML})
    MutableHttpResponse<byte[]> workbook(CurrentUser user, @PathVariable long id) {
        return workbook(reports.report(user, id, false, null), "cycle-" + id + "-report.xlsx");
    }

    @Get("/report/anonymised.xlsx")
    @Produces({XLSX, MediaType.TEXT_HTML})
    MutableHttpResponse<byte[]> anonymisedWorkbook(CurrentUser user, @PathVariable long id, @Nullable @QueryValue String threshold) {
        return workbook(reports.report(user, id, true, threshold), "cycle-" + id + "-anonymised-report.xlsx");
    }

    private MutableHttpResponse<byte[]> workbook(CycleReport.Report report, String fileName) {
        return Workbooks.download(CycleReportWorkbook.of(report, Dates.moment(clock.instant())), fileName);
    }

    /** The returns behind one of the named report's figures: its link's filters, in the query string. */
    @Get("/report/returns")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> returns(CurrentUser user, @PathVariable long id, HttpRequest<?> request) {
        Map<String, String> asked = new HashMap<>();
        request.getParameters().forEach((name, values) -> asked.put(name, values.isEmpty() ? null : values.get(0)));
        return Forms.page("reports/returns", Model.of("page", returns.returns(user, id, asked)));
    }
}
