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
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.HashMap;
import java.util.Map;

/** A cycle's composite report, named and anonymised; one view draws both, so they can never show different figures. */
@Controller("/cycles/{id}/report")
@ExecuteOn(TaskExecutors.BLOCKING)
class CycleReportController {
    private final CycleReport reports;
    private final ReportReturns returns;

    CycleReportController(CycleReport reports, ReportReturns returns) {
        this.reports = reports;
        this.returns = returns;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> report(CurrentUser user, @PathVariable long id) {
        return Forms.page("reports/cycle", Model.of("page", reports.report(user, id, false, null)));
    }

    @Get("/anonymised")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> anonymised(CurrentUser user, @PathVariable long id, @Nullable @QueryValue String threshold) {
        return Forms.page("reports/cycle", Model.of("page", reports.report(user, id, true, threshold)));
    }

    /** The returns behind one of the named report's figures: its link's filters, in the query string. */
    @Get("/returns")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> returns(CurrentUser user, @PathVariable long id, HttpRequest<?> request) {
        Map<String, String> asked = new HashMap<>();
        request.getParameters().forEach((name, values) -> asked.put(name, values.isEmpty() ? null : values.get(0)));
        return Forms.page("reports/returns", Model.of("page", returns.returns(user, id, asked)));
    }
}
