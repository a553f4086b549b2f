package org.assure.banks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.AccessPolicy;
import org.assure.access.CurrentUser;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.banks.BankModel.Version;
import org.assure.banks.BankViews.ComparisonView;
import org.assure.banks.BankViews.DraftPage;
import org.assure.banks.BankViews.DraftStatus;
import org.assure.banks.BankWorkbook.SheetProblem;
import org.assure.kernel.Refusal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Workbooks uploaded as new bank versions. An upload that passes every bank rule is kept as the YAML
 * file it became, for the admin to check and download; nothing else changes, since banks only ever
 * come from committed files. A version an audit cycle has used is frozen and refused.
 */
@Singleton
class BankDrafts {
    private final BankDraft.Repository drafts;
    private final BankUploadRefusal.Repository refusals;
    private final QuestionBanks banks;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccessPolicy access;

    BankDrafts(BankDraft.Repository drafts, BankUploadRefusal.Repository refusals, QuestionBanks banks, AuditTrail audit, Clock clock,
               AccessPolicy access) {
        this.access = access;
        this.refusals = refusals;
        this.drafts = drafts;
        this.banks = banks;
        this.audit = audit;
        this.clock = clock;
    }

    /** The stored draft's id, or the id of the refusal listing every problem with the upload (and nothing else stored). */
    record Upload(@Nullable Long draftId, @Nullable Long refusalId) {
    }

    /** A refused upload's problems, for its page; another partnership's is "not found". */
    @Transactional
    List<SheetProblem> refusal(CurrentUser admin, long id) {
        access.requireAdmin(admin);
        return refusals.findByIdAndPartnershipId(id, admin.partnershipId()).orElseThrow(() -> Refusal.notFound("Upload")).decoded();
    }

    private Upload refused(CurrentUser admin, String fileName, List<SheetProblem> problems) {
        return new Upload(null, refusals.save(new BankUploadRefusal(null, admin.partnershipId(), admin.accountId(), name(fileName),
                BankUploadRefusal.encode(problems), clock.instant())).id());
    }

    private static String name(String fileName) {
        return fileName.length() > 255 ? fileName.substring(fileName.length() - 255) : fileName;
    }

    @Transactional
    Upload upload(CurrentUser admin, String fileName, byte[] content) {
        access.requireAdmin(admin);
        BankWorkbook.Import result = BankWorkbook.read(content, banks.files());
        if (!result.ok()) {
            return refused(admin, fileName, result.problems());
        }
        Version v = result.version();
        List<SheetProblem> refused = new ArrayList<>();
        if (v.bank().length() > 60) {
            refused.add(new SheetProblem(BankWorkbook.VERSION, 0, "the bank key is longer than 60 characters: shorten it"));
        }
        if (v.version().length() > 40) {
            refused.add(new SheetProblem(BankWorkbook.VERSION, 0, "the version label is longer than 40 characters: shorten it"));
        }
        if (banks.banks().find(v.bank(), v.version()).isPresent() && banks.isFrozen(v.bank(), v.version())) {
            refused.add(new SheetProblem(BankWorkbook.VERSION, 0, "version " + v.version() + " of " + v.bank()
                    + " has been used by an audit cycle, so it can no longer change. Give your changes a new version label "
                    + "(for example " + v.version() + "-2) and a later effective-from date, and upload again"));
        }
        if (!refused.isEmpty()) {
            return refused(admin, fileName, refused);
        }
        String name = fileName.length() > 255 ? fileName.substring(fileName.length() - 255) : fileName;
        BankDraft draft = drafts.save(new BankDraft(null, admin.partnershipId(), admin.accountId(), v.bank(), v.version(), name,
                result.yaml(), clock.instant()));
        audit.record(admin.partnershipId(), admin.accountId(), BankAudit.DRAFT_UPLOADED, draft.id(), null,
                AuditFields.of(BankAudit.FILE, name, BankAudit.BANK, v.bank(), BankAudit.VERSION, v.version()));
        return new Upload(draft.id(), null);
    }

    /** Checks the draft again beside the banks as they are now, and compares it with the version before it. */
    @Transactional
    DraftPage page(CurrentUser admin, long id) {
        BankDraft draft = find(admin, id);
        LoadedBanks loaded;
        try {
            loaded = BankLoader.load(BankFiles.beside(banks.files(), new BankFile(draft.path(), draft.yaml().getBytes(StandardCharsets.UTF_8))));
        } catch (BankException e) {
            return new DraftPage(draft, DraftStatus.INVALID, null, null, null, e.problems().stream().map(BankProblem::toString).toList());
        }
        Version version = loaded.find(draft.bankKey(), draft.version()).orElseThrow().version();
        List<Version> earlier = loaded.earlierThan(version);
        Version before = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        DraftStatus status;
        if (!banks.banks().byBank().containsKey(draft.bankKey())) {
            status = DraftStatus.NEW_BANK;
        } else if (banks.banks().find(draft.bankKey(), draft.version()).isEmpty()) {
            status = DraftStatus.NEW_VERSION;
        } else {
            status = banks.isFrozen(draft.bankKey(), draft.version()) ? DraftStatus.FROZEN : DraftStatus.CHANGE;
        }
        List<Version> all = loaded.byBank().get(draft.bankKey()).stream().map(LoadedBanks.LoadedVersion::version).toList();
        ComparisonView comparison = before == null ? null : BankViews.comparison(BankComparison.compare(all, before, version));
        return new DraftPage(draft, status, BankViews.version(version, false, earlier), before, comparison, List.of());
    }

    @Transactional
    BankDraft find(CurrentUser admin, long id) {
        access.requireAdmin(admin);
        return drafts.findByIdAndPartnershipId(id, admin.partnershipId()).orElseThrow(() -> Refusal.notFound("Bank draft"));
    }

}
