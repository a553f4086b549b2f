package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import org.assure.banks.BankModel;
import org.assure.kernel.Dates;
import org.assure.organisations.Organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A return with what it hangs off, loaded for one person once the access policy let them open it:
 * what they may do to it ({@code may}), and which of its sections they may open.
 */
public record ReturnContext(AuditReturn ret, CycleTerms cycle, Organisation organisation, BankModel.Version bank, Permissions may,
                            LocalDate today, Map<String, Long> assignees, Set<String> openable, LocalDate ownDeadline,
                            @Nullable String deadlineNote) {

    /** The policy's answers for this person and this return (see org.assure.access.AccessPolicy). */
    /** {@code readReport}: may read the return report (ADR 0044). */
    public record Permissions(boolean open, boolean view, boolean edit, boolean assign, boolean submit, boolean returnForChanges,
                              boolean readReport) {
        /** Reads everything but changes nothing: a partnership admin. */
        public boolean looksOnly() {
            return view && !edit;
        }
    }

    /** Nobody may change it: submitted, the cycle not open, or the final deadline passed (unless returned for changes). */
    public boolean locked() {
        return !ret.status().editable() || !cycle.open() || pastFinalDeadline();
    }

    /** Past the final deadline; a return the partnership sent back for changes stays open so it can be fixed. */
    public boolean pastFinalDeadline() {
        return cycle.finalDeadline() != null && today.isAfter(cycle.finalDeadline()) && ret.status() != ReturnStatus.RETURNED;
    }

    /** After the deadline: still editable until the final deadline, but submitting now would be late. */
    public boolean late() {
        return Timeliness.pastDeadline(ownDeadline, today);
    }

    public boolean readOnly() {
        return locked() || may.looksOnly();
    }

    public String readOnlyReason() {
        if (ret.status() == ReturnStatus.SUBMITTED) {
            return "This return has been submitted, so it can no longer be changed.";
        }
        if (!cycle.open()) {
            return "This cycle is " + cycle.statusLabel().toLowerCase() + ", so its returns can no longer be changed.";
        }
        if (pastFinalDeadline()) {
            return "The final deadline, " + Dates.date(cycle.finalDeadline()) + ", has passed, so this return can no longer be changed.";
        }
        return may.looksOnly() ? "You are looking at this return as a partnership admin. Only "
                + organisation.name() + " can change its answers." : "";
    }

    /** Whether this person may open the section: contributors only their assigned ones. */
    public boolean maySee(String sectionKey) {
        return openable.contains(sectionKey);
    }

    public @Nullable Long assigneeOf(String sectionKey) {
        return assignees.get(sectionKey);
    }

    /** The bank's sections that apply to this organisation, in bank order ({@code bank} is already the version as it is asked). */
    public List<BankModel.Section> applicableSections() {
        return bank.sections();
    }

    /** The next section after this one that this person may open, for "Save and continue". */
    public @Nullable BankModel.Section nextFor(BankModel.Section section) {
        List<BankModel.Section> all = applicableSections();
        return all.stream().skip(all.indexOf(section) + 1L).filter(later -> maySee(later.key())).findFirst().orElse(null);
    }

    /** The return's deadline: the cycle's, or the one the partnership extended it to. */
    public String deadline() {
        return Dates.date(ownDeadline);
    }

    public String finalDeadline() {
        return Dates.dateOrBlank(cycle.finalDeadline());
    }

    public String path() {
        return "/returns/" + ret.id();
    }

    /** Where the whole-return pages lead back to: the task list, or the dashboard for someone who only reads (a chair). */
    public String backPath() {
        return may.open() ? path() : "/";
    }
}
