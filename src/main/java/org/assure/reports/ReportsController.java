package org.assure.reports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.access.CurrentUser;
import org.assure.web.Forms;
import org.assure.web.Model;

/** The partnership's reports: the index of cycles with their reports, and the year-on-year comparison of two cycles. */
@Controller("/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportsController {
    private final YearOnYear yearOnYear;

    ReportsController(YearOnYear yearOnYear) {
        this.yearOnYear = yearOnYear;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> index(CurrentUser user) {
        return Forms.page("reports/index", Model.of("cycles", yearOnYear.cycles(user)));
    }

    /** Missing, non-numeric, unknown or mismatched cycles show the form again with what is wrong, never an error page. */
    @Get("/year-on-year")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> yearOnYear(CurrentUser user, @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        YearOnYear.Page page = yearOnYear.compare(user, from, to);
        Model model = Model.of("page", page);
        return page.errors().isEmpty() ? Forms.page("reports/year-on-year", model) : Forms.invalid("reports/year-on-year", model, page.errors());
    }
}
