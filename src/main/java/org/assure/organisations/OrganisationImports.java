package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.audit.AuditFields;
import org.assure.audit.AuditTrail;
import org.assure.kernel.Refusal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Importing schools from a GIAS extract in two steps: the upload is read once and its rows stored, the
 * admin reads the preview, and confirming applies the plan from those rows in one transaction. The file
 * is never parsed again (issue 9: parsing an .xlsx on every preview was a way to spend the server's CPU).
 */
@Singleton
class OrganisationImports {
    private final ImportRepository imports;
    private final ImportRowRepository rows;
    private final OrganisationService organisations;
    private final AuditTrail audit;
    private final Clock clock;

    OrganisationImports(ImportRepository imports, ImportRowRepository rows, OrganisationService organisations, AuditTrail audit,
                        Clock clock) {
        this.imports = imports;
        this.rows = rows;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reads and stores an upload, giving its id. A file that reads as a school list is kept with its rows;
     * one that does not is kept only as its name and the reason, for the page that says so (the file is not).
     */
    @Transactional
    long store(CurrentUser admin, String fileName, byte[] content) {
        organisations.requireAdmin(admin);
        String name = fileName.length() > 255 ? fileName.substring(fileName.length() - 255) : fileName;
        List<GiasRow> read;
        try {
            read = GiasReader.read(fileName, content);
        } catch (ImportFileException e) {
            String problem = e.getMessage().length() > 1000 ? e.getMessage().substring(0, 1000) : e.getMessage();
            return imports.save(new OrganisationImport(null, admin.partnershipId(), admin.accountId(), name, new byte[0],
                    clock.instant(), null, 0, 0, 0, 0, 0, problem)).id();
        }
        long id = imports.save(new OrganisationImport(null, admin.partnershipId(), admin.accountId(), name, content,
                clock.instant(), null, 0, 0, 0, 0, 0, null)).id();
        rows.saveAll(read.stream().map(r -> ImportRow.of(id, r)).toList());
        return id;
    }

    /** The import and, until it is applied, what applying it would do now. */
    @Transactional
    Preview preview(CurrentUser admin, long id) {
        OrganisationImport upload = find(admin, id);
        return new Preview(upload, upload.isApplied() || upload.isRefused() ? null : plan(upload));
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
        if (upload.isRefused() || imports.updateAppliedAt(id, admin.partnershipId(), clock.instant()) != 1) {
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
        List<GiasRow> read = rows.findByImportIdOrderBySheetRow(upload.id()).stream().map(ImportRow::gias).toList();
        if (read.isEmpty()) {
            read = readOnce(upload);
        }
        return ImportPlan.of(read, organisations.schoolsByUrn(upload.partnershipId()));
    }

    /** An upload stored before its rows were (V15): read it this once and keep its rows like any other. */
    private List<GiasRow> readOnce(OrganisationImport upload) {
        try {
            List<GiasRow> read = GiasReader.read(upload.fileName(), upload.content());
            rows.saveAll(read.stream().map(r -> ImportRow.of(upload.id(), r)).toList());
            return read;
        } catch (ImportFileException e) {
            // It was read when it was stored; only a change to the reader since then can get here.
            throw new IllegalStateException("Stored import " + upload.id() + " no longer reads: " + e.getMessage(), e);
        }
    }

    private OrganisationImport find(CurrentUser admin, long id) {
        organisations.requireAdmin(admin);
        return imports.findByIdAndPartnershipId(id, admin.partnershipId()).orElseThrow(() -> Refusal.notFound("Import"));
    }
}
