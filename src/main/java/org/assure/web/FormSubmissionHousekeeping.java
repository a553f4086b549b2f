package org.assure.web;

import jakarta.inject.Singleton;
import org.assure.jobs.DuePiece;
import org.assure.jobs.DueWork;
import org.assure.kernel.Text;

import java.time.Instant;
import java.util.List;

/**
 * Deletes one-time form claims older than an hour, once an hour ("form-submissions:2026-12-01T10", like the
 * session housekeeping), so the table holds at most about two hours of posts. Only the current hour is
 * offered: the next piece deletes whatever a missed one would have.
 */
@Singleton
class FormSubmissionHousekeeping implements DueWork {
    static final String NAME = "form-submissions";
    private final OnceOnlyForms forms;

    FormSubmissionHousekeeping(OnceOnlyForms forms) {
        this.forms = forms;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DuePiece> due(Instant now) {
        return List.of(DuePiece.hourly(NAME, now, "one-time form housekeeping",
                () -> Text.plural(forms.deleteExpired(), "expired form claim") + " deleted"));
    }
}
