package org.assure.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;
import org.assure.accounts.AccountService;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.audit.AuditTrail;
import org.assure.banks.BankModel;
import org.assure.notify.Notifications;
import org.assure.kernel.EmailAddress;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Text;
import org.assure.kernel.Validated;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead shares the work: each section can be assigned to a colleague of the organisation, an existing
 * lead or contributor or someone invited there and then as a contributor. Contributors then see and
 * edit only their sections (see {@link ReturnContext#maySee}).
 */
@Singleton
public class Delegation {
    static final String NEW_PERSON = "new";
    private final ReturnService returns;
    private final ReturnRows rows;
    private final ReturnRepositories.Sections sections;
    private final AccountService accounts;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;

    Delegation(ReturnService returns, ReturnRows rows, ReturnRepositories.Sections sections, AccountService accounts, Notifications notifications, AuditTrail audit,
               Clock clock) {
        this.returns = returns;
        this.rows = rows;
        this.sections = sections;
        this.accounts = accounts;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who to assign to: a colleague's account id, "" for nobody, or "new" with a name and email to invite. */
    @Serdeable
    public record AssignForm(@Nullable String assignee,
                             @Nullable @Size(max = 200, message = "Name must be 200 characters or fewer") String name,
                             @Nullable @Size(max = 254, message = "Email address must be 254 characters or fewer") String email) {
        static AssignForm of(@Nullable Long assignee) {
            return new AssignForm(assignee == null ? "" : assignee.toString(), "", "");
        }
    }

    public record AssignPage(ReturnContext context, BankModel.Section section, List<AccountService.Colleague> colleagues,
                             AssignForm form) {
    }

    /** The page with the section's assignee as saved. */
    @Transactional
    public AssignPage page(CurrentUser user, long returnId, String sectionKey) {
        Long current = sections.findByReturnIdAndSectionKey(returnId, sectionKey).map(ReturnSection::assignedAccountId).orElse(null);
        return page(user, returnId, sectionKey, AssignForm.of(current));
    }

    /** The page with what was typed, to show again beside its errors. */
    @Transactional
    public AssignPage page(CurrentUser user, long returnId, String sectionKey, AssignForm form) {
        ReturnContext ctx = editableByLead(user, returnId);
        return new AssignPage(ctx, returns.section(user, ctx, sectionKey, Action.ASSIGN), colleagues(ctx), form);
    }

    /**
     * Assigns the section (inviting the colleague first when they are new); the assignee, or the errors of
     * the form after those its annotations found ({@code found}). The assignee is absent for "nobody".
     */
    @Transactional
    public Validated<Optional<AccountService.Colleague>> assign(CurrentUser user, long returnId, String sectionKey, AssignForm form,
                                                                FormErrors found) {
        FormErrors errors = FormErrors.none().addAll(found);
        rows.lock(returnId); // as saves do: a first save of the same section cannot insert its row beside ours
        ReturnContext ctx = editableByLead(user, returnId);
        BankModel.Section section = returns.section(user, ctx, sectionKey, Action.ASSIGN);
        List<AccountService.Colleague> colleagues = colleagues(ctx);
        String choice = form.assignee() == null ? null : form.assignee().strip();
        AccountService.Colleague assignee = null;
        if (choice == null) {
            errors.add("assignee", "Select who will complete this section");
        } else if (choice.equals(NEW_PERSON)) {
            String name = Text.clean(form.name());
            String email = Text.clean(form.email());
            if (name == null) {
                errors.add("name", "Enter your colleague's name");
            }
            if (email == null) {
                errors.add("email", "Enter your colleague's email address");
            } else if (!EmailAddress.valid(email)) {
                errors.add("email", EmailAddress.FORMAT_MESSAGE);
            }
            if (errors.isEmpty()) {
                Optional<AccountService.Colleague> invited = accounts.inviteContributor(user, name, email, ctx.organisation().id());
                if (invited.isEmpty()) {
                    errors.add("email", "There is already an account with this email address. If they work for "
                            + ctx.organisation().name() + ", choose them from the list; if not, ask your partnership to add them");
                } else {
                    assignee = invited.get();
                }
            }
        } else if (!choice.isEmpty()) {
            Long id = Text.parseId(choice);
            assignee = colleagues.stream().filter(c -> Objects.equals(c.id(), id)).findFirst().orElse(null);
            if (assignee == null) {
                errors.add("assignee", "Select who will complete this section");
            }
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(errors);
        }
        setAssignee(ctx, user, section, assignee);
        return Validated.valid(Optional.ofNullable(assignee));
    }

    private void setAssignee(ReturnContext ctx, CurrentUser user, BankModel.Section section, @Nullable AccountService.Colleague to) {
        long returnId = ctx.ret().id();
        Long assignee = to == null ? null : to.id();
        Instant now = clock.instant();
        ReturnSection row = sections.findByReturnIdAndSectionKey(returnId, section.key()).orElse(null);
        Long before = row == null ? null : row.assignedAccountId();
        if (Objects.equals(before, assignee)) {
            return;
        }
        if (row == null) {
            sections.save(new ReturnSection(null, returnId, section.key(), SectionStatus.NOT_STARTED, assignee, 0, now));
        } else {
            sections.update(new ReturnSection(row.id(), returnId, section.key(), row.status(), assignee, row.version() + 1, now));
        }
        long partnership = ctx.ret().partnershipId();
        audit.record(partnership, user.accountId(), ReturnAudit.SECTION_ASSIGNED, returnId, section.key(),
                ReturnAudit.assignment(before, before == null ? null : accounts.nameOf(partnership, before)),
                ReturnAudit.assignment(assignee, to == null ? null : to.name()));
        if (to != null && to.id() != user.accountId()) {
            notifications.send(partnership, new SectionAssignedEmail(user.name(), section.title(), ctx.organisation().name(), ctx.cycle().name(),
                    ctx.deadline(), to.pending(), ctx.path() + "/sections/" + section.key()), new SectionAssignee(returnId, section.key()));
        }
    }

    private ReturnContext editableByLead(CurrentUser user, long returnId) {
        ReturnContext ctx = returns.load(user, returnId, Action.ASSIGN);
        if (ctx.locked()) {
            throw ReturnService.refused(returnId, ctx.readOnlyReason());
        }
        return ctx;
    }

    private List<AccountService.Colleague> colleagues(ReturnContext ctx) {
        return accounts.colleagues(ctx.ret().partnershipId(), ctx.organisation().id());
    }
}
