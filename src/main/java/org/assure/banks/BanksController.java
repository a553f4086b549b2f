package org.assure.banks;

import io.micronaut.core.annotation.Nullable;
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
import org.assure.banks.BankModel.Version;
import org.assure.banks.BankViews.BankSummary;
import org.assure.kernel.FormErrors;
import org.assure.web.Forms;
import org.assure.web.Model;
import org.assure.kernel.Refusal;
import org.assure.web.Workbooks;

import java.util.List;
import java.util.Optional;

import static org.assure.web.Workbooks.XLSX;

/** Partnership admins read the question banks: every version, each in full, and what changed between two. */
@Controller("/banks")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class BanksController {
    private final QuestionBanks banks;

    BanksController(QuestionBanks banks) {
        this.banks = banks;
    }

    @Get
    MutableHttpResponse<?> list(CurrentUser admin) {
        List<BankSummary> summaries = banks.banks().byBank().keySet().stream().map(this::summary).toList();
        return Forms.page("banks/list", Model.of("banks", summaries));
    }

    /** Missing, unknown or identical versions show the form again with what is wrong, never an error page. */
    @Get("/{bank}/compare")
    MutableHttpResponse<?> compare(CurrentUser admin, @PathVariable String bank, @Nullable @QueryValue String from,
                                   @Nullable @QueryValue String to) {
        BankSummary summary = summary(bank);
        FormErrors errors = FormErrors.none();
        Optional<Version> a = chosen(summary, "from", from, "Select the version to compare from", errors);
        Optional<Version> b = chosen(summary, "to", to, "Select the version to compare with", errors);
        if (a.isPresent() && a.equals(b)) {
            errors.add("to", "Select two different versions");
        }
        Model model = Model.of("bank", summary).with("from", from).with("to", to);
        if (!errors.isEmpty()) {
            return Forms.invalid("banks/compare", model, errors);
        }
        List<Version> all = summary.versions().stream().map(BankViews.VersionRow::version).toList();
        return Forms.page("banks/compare", model.with("comparison", BankViews.comparison(BankComparison.compare(all, a.get(), b.get()))));
    }

    private static Optional<Version> chosen(BankSummary bank, String field, @Nullable String label, String blank, FormErrors errors) {
        if (label == null || label.isBlank()) {
            errors.add(field, blank);
            return Optional.empty();
        }
        Optional<Version> version = bank.versions().stream().map(BankViews.VersionRow::version).filter(v -> v.version().equals(label)).findFirst();
        if (version.isEmpty()) {
            errors.add(field, bank.key() + " has no version " + label + ": select one from the list");
        }
        return version;
    }

    @Get("/{bank}/{version}")
    MutableHttpResponse<?> show(CurrentUser admin, @PathVariable String bank, @PathVariable String version) {
        Version v = banks.get(bank, version);
        List<Version> earlier = banks.banks().earlierThan(v);
        return Forms.page("banks/version", Model.of("page", BankViews.version(v, banks.isFrozen(bank, version), earlier))
                .with("previous", earlier.isEmpty() ? null : earlier.get(earlier.size() - 1).version()));
    }

    @Get("/{bank}/{version}/export.xlsx")
    @Produces(XLSX)
    MutableHttpResponse<byte[]> export(CurrentUser admin, @PathVariable String bank, @PathVariable String version) {
        Version v = banks.get(bank, version);
        return Workbooks.download(BankWorkbook.export(v), v.bank() + "-" + v.version() + ".xlsx");
    }

    private BankSummary summary(String bank) {
        List<LoadedBanks.LoadedVersion> versions = banks.banks().byBank().get(bank);
        if (versions == null) {
            throw Refusal.notFound("Question bank");
        }
        return new BankSummary(bank, versions.get(versions.size() - 1).version().title(), versions.stream()
                .map(v -> BankViews.row(v.version(), banks.isFrozen(bank, v.version().version()))).toList());
    }
}
