package org.assure.panels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.Action;
import org.assure.access.CurrentUser;
import org.assure.accounts.AccountRecipient;
import org.assure.accounts.AccountService;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.kernel.Dates;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.kernel.Text;
import org.assure.kernel.Validated;
import org.assure.notify.Addressee;
import org.assure.notify.Notifications;
import org.assure.notify.Recipient;
import org.assure.organisations.ContactRecipient;
import org.assure.organisations.ContactRole;
import org.assure.organisations.Organisation;
import org.assure.panels.PanelRepositories.Case;
import org.assure.panels.PanelRepositories.Finding;
import org.assure.panels.PanelRepositories.Letter;
import org.assure.panels.PanelRepositories.LetterTemplate;
import org.assure.panels.PanelRepositories.Moderation;
import org.assure.panels.PanelRepositories.Panel;
import org.assure.returns.ReturnContext;
import org.assure.returns.ReturnService;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Outcome letters (issue 12, ADR 0035): written from the partnership's template when the moderation is confirmed, tied
 * to the submission the case judged, edited and approved by the moderator or an admin, sent by an admin to the
 * organisation's leads (and a school's chair of governors), who then read it under their return. A resubmission after
 * approval flags the letter for approval again, and it cannot be sent until then.
 */
@Singleton
public class OutcomeLetters {
    static final int MAX_TEMPLATE = 20_000;
    static final int MAX_LETTER = 40_000;

    private final Panels panels;
    private final PanelRepositories.Panels panelRows;
    private final PanelRepositories.Cases cases;
    private final PanelRepositories.Moderations moderations;
    private final PanelRepositories.Findings findings;
    private final PanelRepositories.Challenges challenges;
    private final PanelRepositories.LetterTemplates templates;
    private final PanelRepositories.Letters letters;
    private final ReturnService returns;
    private final AccountService accounts;
    private final Notifications notifications;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;

    OutcomeLetters(Panels panels, PanelRepositories.Panels panelRows, PanelRepositories.Cases cases, PanelRepositories.Moderations moderations,
                   PanelRepositories.Findings findings, PanelRepositories.Challenges challenges, PanelRepositories.LetterTemplates templates,
                   PanelRepositories.Letters letters, ReturnService returns, AccountService accounts, Notifications notifications,
                   AccessPolicy access, AuditTrail audit, Clock clock) {
        this.panels = panels;
        this.panelRows = panelRows;
        this.cases = cases;
        this.moderations = moderations;
        this.findings = findings;
        this.challenges = challenges;
        this.templates = templates;
        this.letters = letters;
        this.returns = returns;
        this.accounts = accounts;
        this.notifications = notifications;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- the partnership's template ----

    public record TemplatePage(boolean shipped, String updated, List<String> placeholders) {
    }

    public record TemplateForm(@Nullable String body, @Nullable String version) {
    }

    @Transactional
    public TemplatePage templatePage(CurrentUser admin) {
        access.requireAdmin(admin);
        LetterTemplate t = templates.findByPartnershipId(admin.partnershipId()).orElse(null);
        String updated = "";
        if (t != null) {
            String by = accounts.people(admin.partnershipId(), List.of(t.updatedBy())).stream().findFirst().map(AccountService.PanelPerson::name)
                    .orElse("");
            updated = "Last changed by " + by + " on " + Dates.moment(t.updatedAt());
        }
        return new TemplatePage(t == null, updated, LetterText.PLACEHOLDERS);
    }

    @Transactional
    public TemplateForm templateForm(CurrentUser admin) {
        access.requireAdmin(admin);
        return templates.findByPartnershipId(admin.partnershipId()).map(t -> new TemplateForm(t.body(), String.valueOf(t.version())))
                .orElse(new TemplateForm(LetterText.DEFAULT_TEMPLATE, ""));
    }

    @Transactional
    public Validated<Long> saveTemplate(CurrentUser admin, TemplateForm form) {
        access.requireAdmin(admin);
        String body = form.body() == null ? null : form.body().replace("\r\n", "\n").strip();
        if (body == null || body.isEmpty()) {
            return Validated.invalid(FormErrors.none().add("body", "Enter the letter's text"));
        }
        if (body.length() > MAX_TEMPLATE) {
            return Validated.invalid(FormErrors.none().add("body", "The letter must be " + MAX_TEMPLATE + " characters or fewer"));
        }
        List<String> unknown = LetterText.unknownPlaceholders(body);
        if (!unknown.isEmpty()) {
            return Validated.invalid(FormErrors.none().add("body", "The letter does not know " + unknown.stream().map(u -> "{{" + u + "}}")
                    .collect(Collectors.joining(", ")) + ": use only the placeholders listed"));
        }
        LetterTemplate before = templates.findByPartnershipId(admin.partnershipId()).orElse(null);
        if (before != null && !String.valueOf(before.version()).equals(Text.clean(form.version()))) {
            throw Refusal.conflict("The template was changed after you opened this page. Open it again to see the change.")
                    .backTo("/panels/letter-template", "Back to the template");
        }
        if (before != null && before.body().equals(body)) {
            return Validated.valid(before.id());
        }
        LetterTemplate saved;
        try {
            saved = before == null ? templates.save(new LetterTemplate(null, admin.partnershipId(), body, admin.accountId(), clock.instant(), 0))
                    : templates.update(new LetterTemplate(before.id(), before.partnershipId(), body, admin.accountId(), clock.instant(), before.version()));
        } catch (OptimisticLockException e) {
            throw Refusal.conflict("The template was changed after you opened this page. Open it again to see the change.");
        }
        // the template is the partnership's, not a panel's: its events are recorded against the template row
        audit.record(admin.partnershipId(), admin.accountId(), PanelAudit.TEMPLATE_CHANGED, saved.id(),
                AuditFields.of(PanelAudit.BODY, before == null ? LetterText.DEFAULT_TEMPLATE : before.body()), AuditFields.of(PanelAudit.BODY, body));
        return Validated.valid(saved.id());
    }

    private String templateOf(long partnershipId) {
        return templates.findByPartnershipId(partnershipId).map(LetterTemplate::body).orElse(LetterText.DEFAULT_TEMPLATE);
    }

    // ---- writing a case's letter ----

    /** Writes (or, before it is sent, writes again) the case's letter from the template and the confirmed moderation. */
    void write(CurrentUser by, Panels.CaseContext ctx, Panel p) {
        Moderation m = moderations.findByCaseId(ctx.caseId()).filter(Moderation::confirmed).orElseThrow();
        Letter before = letters.findByCaseId(ctx.caseId()).orElse(null);
        if (before != null && before.sentAt() != null) {
            return; // a sent letter is what the organisation read: it stays as it was
        }
        String body = compose(by.partnershipName(), ctx, p, m);
        Letter next = before == null
                ? letters.save(new Letter(null, by.partnershipId(), ctx.caseId(), ctx.submissionId(), body, null, null, false, null, null, 0))
                : letters.update(new Letter(before.id(), before.partnershipId(), before.caseId(), ctx.submissionId(), body, null, null, false, null,
                null, before.version()));
        audit.record(by.partnershipId(), by.accountId(), PanelAudit.LETTER_WRITTEN, p.id(),
                before == null ? null : AuditFields.of(PanelAudit.CASE, String.valueOf(ctx.caseId()), PanelAudit.BODY, before.body()),
                AuditFields.of(PanelAudit.CASE, String.valueOf(ctx.caseId()), PanelAudit.SUBMISSION, String.valueOf(next.submissionId()),
                        PanelAudit.BODY, body));
    }

    private String compose(String partnershipName, Panels.CaseContext ctx, Panel p, Moderation m) {
        List<Finding> found = findings.findByCaseIdOrderByPosition(ctx.caseId());
        List<String> strengths = found.stream().filter(f -> f.kind() == FindingKind.STRENGTH).map(Finding::text).toList();
        List<String> areas = found.stream().filter(f -> f.kind() == FindingKind.AREA_TO_IMPROVE).map(Finding::text).toList();
        List<String> asked = new ArrayList<>();
        for (PanelRepositories.Challenge c : challenges.findByCaseIdOrderById(ctx.caseId())) {
            if (c.released()) {
                asked.add(c.kind().label() + ": " + c.text() + " – " + (c.answered() ? "your answer: " + c.answer() : "not answered"));
            }
        }
        Map<String, String> values = new HashMap<>();
        values.put("organisation", ctx.organisation().name());
        values.put("outcome", m.outcome().label());
        values.put("summary", Text.orEmpty(m.summary()));
        values.put("strengths", LetterText.list(strengths, "The panel recorded no particular strengths."));
        values.put("areas", LetterText.list(areas, "The panel recorded no areas to improve."));
        values.put("challenges", LetterText.list(asked, "The panel asked no challenge questions."));
        values.put("expected", expected(m.outcome()));
        values.put("panel", p.name());
        values.put("meetsOn", Dates.date(p.meetsOn()));
        values.put("partnership", partnershipName);
        return LetterText.fill(templateOf(p.partnershipId()), values);
    }

    static String expected(CaseOutcome outcome) {
        return switch (outcome) {
            case ASSURED -> "No further action is needed. Please keep the areas to improve in view for next year's return.";
            case PARTLY_ASSURED -> "Please send the partnership an action plan for each area to improve within eight weeks of this letter.";
            case NOT_ASSURED -> "The partnership's safeguarding executive has been told. Please send an action plan for each area to improve "
                    + "within four weeks of this letter; the partnership will follow it up with you.";
        };
    }

    // ---- a case's letter ----

    public record LetterView(String body, List<LetterText.Block> blocks, boolean approved, String approvedBy, String approvedAt,
                             boolean needsReapproval, boolean sent, String sentAt, boolean editable, String version) {
    }

    public record LetterPage(Panels.CaseContext context, @Nullable LetterView letter, boolean moderated, boolean canApprove, boolean canSend,
                             boolean admin) {
        public String path() {
            return context.path() + "/letter";
        }
    }

    public record LetterForm(@Nullable String body, @Nullable String version) {
    }

    /** The moderator and the partnership's admins; members of the panel do not handle letters. */
    private Panels.CaseContext handling(CurrentUser user, long panelId, long caseId) {
        Panels.CaseContext ctx = panels.caseFor(user, panelId, caseId, Action.VIEW);
        if (!ctx.moderator() && !ctx.admin()) {
            throw Refusal.forbidden("Only the panel's moderator and the partnership's administrators handle a case's letter");
        }
        return ctx;
    }

    @Transactional
    public LetterPage page(CurrentUser user, long panelId, long caseId) {
        Panels.CaseContext ctx = handling(user, panelId, caseId);
        Letter l = letters.findByCaseId(caseId).orElse(null);
        boolean moderated = moderations.findByCaseId(caseId).map(Moderation::confirmed).orElse(false);
        LetterView view = l == null ? null : view(user.partnershipId(), l);
        return new LetterPage(ctx, view, moderated, l != null && l.sentAt() == null && (l.approvedAt() == null || l.needsReapproval()),
                l != null && ctx.admin() && l.approvedAt() != null && !l.needsReapproval() && l.sentAt() == null, ctx.admin());
    }

    private LetterView view(long partnershipId, Letter l) {
        String by = l.approvedBy() == null ? "" : accounts.people(partnershipId, List.of(l.approvedBy())).stream().findFirst()
                .map(AccountService.PanelPerson::name).orElse("");
        return new LetterView(l.body(), LetterText.blocks(l.body()), l.approvedAt() != null, by, l.approvedAt() == null ? "" : Dates.moment(l.approvedAt()),
                l.needsReapproval(), l.sentAt() != null, l.sentAt() == null ? "" : Dates.moment(l.sentAt()), editable(l), String.valueOf(l.version()));
    }

    private static boolean editable(Letter l) {
        return l.sentAt() == null && (l.approvedAt() == null || l.needsReapproval());
    }

    private Letter letter(Panels.CaseContext ctx) {
        return letters.findByCaseId(ctx.caseId()).orElseThrow(() -> Refusal.conflict("The letter is written once the moderation is confirmed")
                .backTo(ctx.path() + "/moderation", "Back to the moderation"));
    }

    @Transactional
    public Validated<String> edit(CurrentUser user, long panelId, long caseId, LetterForm form) {
        Panels.CaseContext ctx = handling(user, panelId, caseId);
        Letter l = letter(ctx);
        if (!editable(l)) {
            throw Refusal.conflict(l.sentAt() != null ? "The letter has been sent: it stays as the organisation read it"
                    : "The letter is approved: it is changed only if the return is resubmitted").backTo(ctx.path() + "/letter", "Back to the letter");
        }
        String body = form.body() == null ? null : form.body().replace("\r\n", "\n").strip();
        if (body == null || body.isEmpty()) {
            return Validated.invalid(FormErrors.none().add("body", "Enter the letter's text"));
        }
        if (body.length() > MAX_LETTER) {
            return Validated.invalid(FormErrors.none().add("body", "The letter must be " + MAX_LETTER + " characters or fewer"));
        }
        if (!String.valueOf(l.version()).equals(Text.clean(form.version()))) {
            throw Refusal.conflict("The letter was changed after you opened this page. Open it again to see the change.")
                    .backTo(ctx.path() + "/letter", "Back to the letter");
        }
        if (body.equals(l.body())) {
            return Validated.valid("unchanged");
        }
        // a letter changed after approval (it needed approving again) is approved afresh
        letters.update(new Letter(l.id(), l.partnershipId(), l.caseId(), l.submissionId(), body, null, null, l.needsReapproval(), null, null, l.version()));
        audit.record(user.partnershipId(), user.accountId(), PanelAudit.LETTER_EDITED, panelId,
                AuditFields.of(PanelAudit.CASE, String.valueOf(caseId), PanelAudit.BODY, l.body()),
                AuditFields.of(PanelAudit.CASE, String.valueOf(caseId), PanelAudit.BODY, body));
        return Validated.valid("edited");
    }

    /** The moderator or an admin approves the letter as it stands (again, after a resubmission). Approving twice changes it once. */
    @Transactional
    public String approve(CurrentUser user, long panelId, long caseId) {
        Panels.CaseContext ctx = handling(user, panelId, caseId);
        if (!ctx.admin()) {
            panels.caseFor(user, panelId, caseId, Action.MODERATE);
        }
        Letter l = letter(ctx);
        if (l.sentAt() != null || (l.approvedAt() != null && !l.needsReapproval())) {
            return "approved";
        }
        letters.update(new Letter(l.id(), l.partnershipId(), l.caseId(), l.submissionId(), l.body(), user.accountId(), clock.instant(), false, null, null,
                l.version()));
        audit.record(user.partnershipId(), user.accountId(), PanelAudit.LETTER_APPROVED, panelId, null,
                AuditFields.of(PanelAudit.CASE, String.valueOf(caseId), PanelAudit.SUBMISSION, String.valueOf(l.submissionId())));
        return "approved";
    }

    /** An admin sends the approved letter: once, to the organisation's leads and a school's chair of governors. */
    @Transactional
    public String send(CurrentUser admin, long panelId, long caseId) {
        access.requireAdmin(admin);
        Panels.CaseContext ctx = panels.caseFor(admin, panelId, caseId, Action.ADMINISTER);
        Letter l = letter(ctx);
        if (l.sentAt() != null) {
            return "sent";
        }
        if (l.approvedAt() == null || l.needsReapproval()) {
            throw Refusal.conflict(l.needsReapproval() ? "The return was resubmitted after the letter was approved: approve it again before sending it"
                    : "Approve the letter before sending it").backTo(ctx.path() + "/letter", "Back to the letter");
        }
        Organisation o = ctx.organisation();
        List<Recipient> to = new ArrayList<>(List.of(AccountRecipient.leadsOf(o.id()),
                new ContactRecipient(o.id(), o.isSchool() ? ContactRole.DSL : ContactRole.LEAD)));
        if (o.isSchool()) {
            to.add(new ContactRecipient(o.id(), ContactRole.CHAIR_OF_GOVERNORS));
        }
        Moderation m = moderations.findByCaseId(caseId).orElseThrow();
        List<Addressee> sentTo = notifications.send(admin.partnershipId(), new OutcomeLetterEmail(admin.partnershipName(), o.name(), ctx.panel().name(),
                m.outcome().label(), "/returns/" + ctx.returnId() + "/outcome"), to);
        letters.update(new Letter(l.id(), l.partnershipId(), l.caseId(), l.submissionId(), l.body(), l.approvedBy(), l.approvedAt(), false,
                admin.accountId(), clock.instant(), l.version()));
        audit.record(admin.partnershipId(), admin.accountId(), PanelAudit.LETTER_SENT, panelId, null, AuditFields.of(PanelAudit.CASE,
                String.valueOf(caseId), PanelAudit.RECIPIENTS, sentTo.stream().map(Addressee::address).collect(Collectors.joining(", "))));
        return sentTo.isEmpty() ? "sent-nobody" : "sent";
    }

    @Transactional
    public Docx docx(CurrentUser user, long panelId, long caseId) {
        Panels.CaseContext ctx = handling(user, panelId, caseId);
        Letter l = letter(ctx);
        return new Docx(fileName(ctx.organisation().name()), LetterDocx.of("Outcome letter: " + ctx.organisation().name(), LetterText.blocks(l.body())));
    }

    public record Docx(String fileName, byte[] bytes) {
    }

    private static String fileName(String organisation) {
        String slug = organisation.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "outcome-letter-" + (slug.isEmpty() ? "organisation" : slug) + ".docx";
    }

    // ---- the organisation reads its letters ----

    public record SentLetter(long caseId, String panel, String sentAt, List<LetterText.Block> blocks, String docxPath) {
    }

    public record OutcomePage(ReturnContext ret, List<SentLetter> letters) {
    }

    @Transactional
    public OutcomePage outcome(CurrentUser user, long returnId) {
        ReturnContext ret = returns.load(user, returnId, Action.VIEW);
        List<SentLetter> sent = new ArrayList<>();
        for (Case c : cases.findByPartnershipIdAndReturnId(ret.ret().partnershipId(), returnId)) {
            Letter l = letters.findByCaseId(c.id()).filter(x -> x.sentAt() != null).orElse(null);
            if (l != null) {
                String panel = panelRows.findByIdAndPartnershipId(c.panelId(), c.partnershipId()).map(Panel::name).orElse("");
                sent.add(new SentLetter(c.id(), panel, Dates.moment(l.sentAt()), LetterText.blocks(l.body()),
                        "/returns/" + returnId + "/outcome/" + c.id() + ".docx"));
            }
        }
        return new OutcomePage(ret, sent);
    }

    @Transactional
    public Docx outcomeDocx(CurrentUser user, long returnId, long caseId) {
        ReturnContext ret = returns.load(user, returnId, Action.VIEW);
        Case c = cases.findById(caseId).filter(x -> x.returnId() == returnId && x.partnershipId() == ret.ret().partnershipId())
                .orElseThrow(() -> Refusal.notFound("Letter"));
        Letter l = letters.findByCaseId(c.id()).filter(x -> x.sentAt() != null).orElseThrow(() -> Refusal.notFound("Letter"));
        return new Docx(fileName(ret.organisation().name()), LetterDocx.of("Outcome letter: " + ret.organisation().name(), LetterText.blocks(l.body())));
    }

    // ---- a resubmission ----

    /** The return was submitted again: an approved, unsent letter judging an earlier submission needs approving again. */
    void resubmitted(long partnershipId, long returnId, long submissionId) {
        for (Case c : cases.findByPartnershipIdAndReturnId(partnershipId, returnId)) {
            Letter l = letters.findByCaseId(c.id()).orElse(null);
            if (l != null && l.submissionId() != submissionId && l.approvedAt() != null && !l.needsReapproval() && l.sentAt() == null) {
                letters.update(new Letter(l.id(), l.partnershipId(), l.caseId(), l.submissionId(), l.body(), l.approvedBy(), l.approvedAt(), true, null,
                        null, l.version()));
                audit.record(partnershipId, null, PanelAudit.LETTER_NEEDS_REAPPROVAL, c.panelId(), null, AuditFields.of(PanelAudit.CASE,
                        String.valueOf(c.id()), PanelAudit.SUBMISSION, String.valueOf(submissionId)));
            }
        }
    }
}
