package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Refusal;
import org.assure.kernel.Validated;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Importing schools from a GIAS extract in two steps: the upload is checked and stored, the admin
 * reads the preview, and confirming re-reads the stored file and applies the plan in one transaction.
 */
@Singleton
class OrganisationImports {
    private final ImportRepository imports;
    private final OrganisationService organisations;
    private final AuditTrail audit;
    private final Clock clock;

    OrganisationImports(ImportRepository imports, OrganisationService organisations, AuditTrail audit, Clock clock) {
        this.imports = imports;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores a file that reads as a school list, giving its id; a file that does not is refused on the file field and nothing is stored. */
    @Transactional
    Validated<Long> store(CurrentUser admin, String fileName, byte[] content) {
        organisations.requireAdmin(admin);
        try {
            GiasReader.read(fileName, content);
        } catch (ImportFileException e) {
            return Validated.invalid(FormErrors.none().add("file", e.getMessage()));
        }
        String name = fileName.length() > 255 ? fileName.substring(fileName.length() - 255) : fileName;
        return Validated.valid(imports.save(new OrganisationImport(null, admin.partnershipId(), admin.accountId(), name, content,
                clock.instant(), null, 0, 0, 0, 0, 0)).id());
    }

    /** The import and, until it is applied, what applying it would do now. */
    @Transactional
    Preview preview(CurrentUser admin, long id) {
        OrganisationImport upload = find(admin, id);
        return new Preview(upload, upload.isApplied() ? null : plan(upload));
    }

    public record Preview(OrganisationImport upload, @Nullable ImportPlan plan) {
    }

    /**
     * Applies the plan as it stands now, all of it or, if anything fails, none of it. An import applies
     * once: confirming it again, or another partnership's import, is "not found".
     *
     * @throws Refusal (a conflict) when a school was saved by someone else meanwhile; nothing is applied
     */
    @Transactional
    ImportPlan.Summary apply(CurrentUser admin, long id) {
        OrganisationImport upload = find(admin, id);
        if (imports.updateAppliedAt(id, admin.partnershipId(), clock.instant()) != 1) {
            throw Refusal.notFound("Import");
        }
        ImportPlan plan = plan(upload);
        for (ImportPlan.Line line : plan.lines()) {
            switch (line.action()) {
                case CREATE -> organisations.create(admin.partnershipId(), admin.accountId(), line.details(), OrganisationAudit.IMPORTED);
                case UPDATE -> organisations.replace(line.existing().organisation(), line.existing().contacts(),
                        line.details(), admin.accountId(), OrganisationAudit.UPDATED_BY_IMPORT);
                case ARCHIVE -> organisations.setArchived(line.existing().organisation(), true, admin.accountId(),
                        OrganisationAudit.ARCHIVED_BY_IMPORT);
                case UNCHANGED, REFUSE -> {
                }
            }
        }
        ImportPlan.Summary summary = plan.summary();
        imports.updateCounts(id, summary.created(), summary.updated(), summary.unchanged(), summary.archived(), summary.refused());
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put(OrganisationAudit.FILE, upload.fileName());
        counts.put("created", String.valueOf(summary.created()));
        counts.put("updated", String.valueOf(summary.updated()));
        counts.put("archived", String.valueOf(summary.archived()));
        counts.put("unchanged", String.valueOf(summary.unchanged()));
        counts.put("refused", String.valueOf(summary.refused()));
        audit.record(admin.partnershipId(), admin.accountId(), OrganisationAudit.IMPORT_APPLIED, id, null, AuditFields.of(counts));
        return summary;
    }

    private ImportPlan plan(OrganisationImport upload) {
        List<GiasRow> rows;
        try {
            rows = GiasReader.read(upload.fileName(), upload.content());
        } catch (ImportFileException e) {
            // It was read when it was stored; only a change to the reader since then can get here.
            throw new IllegalStateException("Stored import " + upload.id() + " no longer reads: " + e.getMessage(), e);
        }
        return ImportPlan.of(rows, organisations.schoolsByUrn(upload.partnershipId()));
    }

    private OrganisationImport find(CurrentUser admin, long id) {
        organisations.requireAdmin(admin);
        return imports.findByIdAndPartnershipId(id, admin.partnershipId()).orElseThrow(() -> Refusal.notFound("Import"));
    }
}
