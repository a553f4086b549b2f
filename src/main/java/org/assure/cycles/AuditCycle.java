package org.assure.cycles;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One round of a self-assessment. The audience lists are comma-separated enum names; all three empty
 * in TYPES mode means "the bank version's own audience" was chosen and copied in when saved.
 */
@MappedEntity("audit_cycle")
public record AuditCycle(@Id @GeneratedValue @Nullable Long id,
                         long partnershipId,
                         String name,
                         String bankKey,
                         String bankVersion,
                         AudienceMode audienceMode,
                         String audienceKinds,
                         String audienceCategories,
                         String audienceSectors,
                         LocalDate opensOn,
                         LocalDate deadline,
                         @Nullable LocalDate finalDeadline,
                         @Nullable LocalDate panelDate,
                         CycleStatus status,
                         @Nullable Instant openedAt,
                         @Nullable Instant closedAt,
                         @Nullable Instant archivedAt,
                         @Version int version,
                         Instant createdAt,
                         Instant updatedAt) {

    public List<String> kinds() {
        return split(audienceKinds);
    }

    public List<String> categories() {
        return split(audienceCategories);
    }

    public List<String> sectors() {
        return split(audienceSectors);
    }

    public boolean isDraft() {
        return status == CycleStatus.DRAFT;
    }

    public boolean isOpen() {
        return status == CycleStatus.OPEN;
    }

    public boolean isClosed() {
        return status == CycleStatus.CLOSED;
    }

    static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    AuditCycle withStatus(CycleStatus next, Instant now) {
        return new AuditCycle(id, partnershipId, name, bankKey, bankVersion, audienceMode, audienceKinds, audienceCategories,
                audienceSectors, opensOn, deadline, finalDeadline, panelDate, next,
                next == CycleStatus.OPEN ? now : openedAt, next == CycleStatus.CLOSED ? now : closedAt,
                next == CycleStatus.ARCHIVED ? now : archivedAt, version, createdAt, now);
    }

    /** Open again after a close that nothing followed: as it was before the close. */
    AuditCycle reopened(Instant now) {
        return new AuditCycle(id, partnershipId, name, bankKey, bankVersion, audienceMode, audienceKinds, audienceCategories,
                audienceSectors, opensOn, deadline, finalDeadline, panelDate, CycleStatus.OPEN, openedAt, null, archivedAt,
                version, createdAt, now);
    }

    /** Unchanged but for its version and time: claims the row, so that two admins acting at once do not both act. */
    AuditCycle touched(Instant now) {
        return new AuditCycle(id, partnershipId, name, bankKey, bankVersion, audienceMode, audienceKinds, audienceCategories,
                audienceSectors, opensOn, deadline, finalDeadline, panelDate, status, openedAt, closedAt, archivedAt,
                version, createdAt, now);
    }
}
