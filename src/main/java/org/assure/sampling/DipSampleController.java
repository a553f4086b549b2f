package org.assure.sampling;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import org.assure.access.CurrentUser;
import org.assure.kernel.Validated;
import org.assure.web.Forms;
import org.assure.web.Model;

import java.util.Map;

/** A cycle's dip samples: the runs and the form, a run's record, verify, replace and the eligible list as CSV. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class DipSampleController {
    private static final Map<String, String> DONE = Map.of("run", "The sample has been drawn. The picked schools are on the assurance "
            + "panel list and their DSL and headteacher have been told.", "replaced", "The school has been replaced by the next ticket");
    private final DipSampling sampling;

    DipSampleController(DipSampling sampling) {
        this.sampling = sampling;
    }

    @Serdeable
    public record RunBody(@Nullable String sampleSize, @Nullable String onlySubmitted, @Nullable String exclusionYears,
                          @Nullable String excludeGoingToPanel, @Nullable String stratify, @Nullable String seedChoice, @Nullable String seed,
                          @Nullable String reason) {
    }

    @Serdeable
    public record ReplaceBody(@Nullable String school, @Nullable String replaceReason) {
    }

    @Get("/cycles/{id}/dip-sample")
    MutableHttpResponse<?> runs(CurrentUser admin, @PathVariable long id) {
        return Forms.page("sampling/runs", Model.of("page", sampling.page(admin, id)).with("form", DipSampling.RunForm.defaults()));
    }

    @Post("/cycles/{id}/dip-sample")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> run(CurrentUser admin, @PathVariable long id, @Body RunBody body) {
        DipSampling.RunForm form = new DipSampling.RunForm(body.sampleSize(), body.onlySubmitted(), body.exclusionYears(),
                body.excludeGoingToPanel(), body.stratify(), body.seedChoice(), body.seed(), body.reason());
        Validated<Long> done = sampling.run(admin, id, form);
        if (!done.isValid()) {
            return Forms.invalid("sampling/runs", Model.of("page", sampling.page(admin, id)).with("form", form), done.errors());
        }
        return Forms.seeOther("/cycles/" + id + "/dip-sample/" + done.value() + "?done=run");
    }

    @Get("/cycles/{id}/dip-sample/{runId}")
    MutableHttpResponse<?> record(CurrentUser admin, @PathVariable long id, @PathVariable long runId, @Nullable @QueryValue String done) {
        return Forms.page("sampling/record", Model.of("page", sampling.record(admin, id, runId)).with("done", done == null ? null : DONE.get(done)));
    }

    @Post("/cycles/{id}/dip-sample/{runId}/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> verify(CurrentUser admin, @PathVariable long id, @PathVariable long runId) {
        SampleVerification result = sampling.verify(admin, id, runId);
        return Forms.page("sampling/record", Model.of("page", sampling.record(admin, id, runId)).with("verification", result));
    }

    @Post("/cycles/{id}/dip-sample/{runId}/replace")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> replace(CurrentUser admin, @PathVariable long id, @PathVariable long runId, @Body ReplaceBody body) {
        Validated<Long> done = sampling.replace(admin, id, runId, body.school(), body.replaceReason());
        if (!done.isValid()) {
            return Forms.invalid("sampling/record", Model.of("page", sampling.record(admin, id, runId)).with("replace", body), done.errors());
        }
        return Forms.seeOther("/cycles/" + id + "/dip-sample/" + runId + "?done=replaced");
    }

    @Get("/cycles/{id}/dip-sample/{runId}/eligible.csv")
    @Produces("text/csv")
    MutableHttpResponse<String> csv(CurrentUser admin, @PathVariable long id, @PathVariable long runId) {
        return HttpResponse.ok(sampling.csv(admin, id, runId)).contentType("text/csv; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dip-sample-" + runId + "-eligible.csv\"");
    }

}
