package org.assure.panels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The panel tables (V22) and their repositories. Every finder that takes an id from a request also takes the partnership. */
final class PanelRepositories {
    private PanelRepositories() {
    }

    @MappedEntity("panel")
    record Panel(@Id @GeneratedValue @Nullable Long id, long partnershipId, long cycleId, String name, PanelKind kind, LocalDate meetsOn,
                 String place, LocalDate marksDueOn, MarkingBy markingBy, @Nullable Long moderatorId, long createdBy, Instant createdAt,
                 @Version int version) {

        Panel with(String newName, PanelKind newKind, LocalDate newMeetsOn, String newPlace, LocalDate newMarksDueOn, MarkingBy newMarkingBy,
                   @Nullable Long newModeratorId) {
            return new Panel(id, partnershipId, cycleId, newName, newKind, newMeetsOn, newPlace, newMarksDueOn, newMarkingBy, newModeratorId,
                    createdBy, createdAt, version);
        }
    }

    @MappedEntity("panel_member")
    record Member(@Id @GeneratedValue @Nullable Long id, long partnershipId, long panelId, long accountId, @Nullable Long worksForId,
                  Instant addedAt) {
    }

    @MappedEntity("panel_case")
    record Case(@Id @GeneratedValue @Nullable Long id, long partnershipId, long panelId, long cycleId, long returnId, long organisationId,
                CaseReason reason, String detail, @Nullable Long submissionId, long addedBy, Instant addedAt) {

        Case judging(long newSubmissionId) {
            return new Case(id, partnershipId, panelId, cycleId, returnId, organisationId, reason, detail, newSubmissionId, addedBy, addedAt);
        }
    }

    @MappedEntity("panel_conflict")
    record Conflict(@Id @GeneratedValue @Nullable Long id, long partnershipId, long caseId, long accountId, ConflictSource source, String reason,
                    @Nullable Long recordedBy, Instant recordedAt, @Nullable Long clearedBy, @Nullable Instant clearedAt,
                    @Nullable String clearedReason) {

        boolean standing() {
            return clearedAt == null;
        }

        Conflict cleared(long by, Instant at, String why) {
            return new Conflict(id, partnershipId, caseId, accountId, source, reason, recordedBy, recordedAt, by, at, why);
        }
    }

    @MappedEntity("case_marking")
    record Marking(@Id @GeneratedValue @Nullable Long id, long partnershipId, long caseId, long accountId, @Nullable Instant submittedAt,
                   @Version int version) {

        boolean submitted() {
            return submittedAt != null;
        }

        Marking submittedAt(Instant at) {
            return new Marking(id, partnershipId, caseId, accountId, at, version);
        }
    }

    @MappedEntity("case_mark")
    record Mark(@Id @GeneratedValue @Nullable Long id, long partnershipId, long markingId, String itemKey, @Nullable String selfRating,
                @Nullable String panelRating, @Nullable Boolean agrees, @Nullable String comment) {
    }

    @MappedEntity("case_moderation")
    record Moderation(@Id @GeneratedValue @Nullable Long id, long partnershipId, long caseId, @Nullable CaseOutcome outcome,
                      @Nullable String summary, @Nullable Long moderatedBy, @Nullable Instant moderatedAt, @Version int version,
                      @Nullable CaseOutcome draftOutcome) {

        boolean confirmed() {
            return outcome != null;
        }
    }

    @MappedEntity("case_agreed_rating")
    record AgreedRating(@Id @GeneratedValue @Nullable Long id, long partnershipId, long caseId, String itemKey, String rating) {
    }

    @MappedEntity("case_finding")
    record Finding(@Id @GeneratedValue @Nullable Long id, long partnershipId, long caseId, FindingKind kind, @Nullable String itemKey,
                   String text, int position) {
    }

    @MappedEntity("case_challenge")
    record Challenge(@Id @GeneratedValue @Nullable Long id, long partnershipId, long caseId, long returnId, ChallengeKind kind,
                     @Nullable String itemKey, String text, long draftedBy, Instant draftedAt, @Nullable Long releasedBy,
                     @Nullable Instant releasedAt, @Nullable LocalDate dueOn, @Nullable String answer, @Nullable Long answeredBy,
                     @Nullable Instant answeredAt, @Version int version) {

        boolean released() {
            return releasedAt != null;
        }

        boolean answered() {
            return answeredAt != null;
        }
    }

    @MappedEntity("letter_template")
    record LetterTemplate(@Id @GeneratedValue @Nullable Long id, long partnershipId, String body, long updatedBy, Instant updatedAt,
                          @Version int version) {
    }

    @MappedEntity("case_letter")
    record Letter(@Id @GeneratedValue @Nullable Long id, long partnershipId, long caseId, long submissionId, String body,
                  @Nullable Long approvedBy, @Nullable Instant approvedAt, boolean needsReapproval, @Nullable Long sentBy,
                  @Nullable Instant sentAt, @Version int version) {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Panels extends CrudRepository<Panel, Long> {
        Optional<Panel> findByIdAndPartnershipId(long id, long partnershipId);

        List<Panel> findByPartnershipIdOrderByMeetsOnDesc(long partnershipId);

        List<Panel> findByPartnershipIdAndIdInOrderByMeetsOn(long partnershipId, Collection<Long> id);

        List<Panel> findByPartnershipIdAndModeratorIdOrderByMeetsOn(long partnershipId, long moderatorId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Members extends CrudRepository<Member, Long> {
        List<Member> findByPanelIdOrderById(long panelId);

        Optional<Member> findByPanelIdAndAccountId(long panelId, long accountId);

        Optional<Member> findByIdAndPanelIdAndPartnershipId(long id, long panelId, long partnershipId);

        List<Member> findByPartnershipIdAndAccountId(long partnershipId, long accountId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Cases extends CrudRepository<Case, Long> {
        List<Case> findByPanelIdOrderById(long panelId);

        List<Case> findByPanelIdInOrderById(Collection<Long> panelId);

        Optional<Case> findByIdAndPanelIdAndPartnershipId(long id, long panelId, long partnershipId);

        Optional<Case> findByPanelIdAndReturnId(long panelId, long returnId);

        List<Case> findByPartnershipIdAndReturnId(long partnershipId, long returnId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Conflicts extends CrudRepository<Conflict, Long> {
        List<Conflict> findByCaseIdOrderById(long caseId);

        List<Conflict> findByCaseIdInOrderById(Collection<Long> caseId);

        Optional<Conflict> findByIdAndCaseIdAndPartnershipId(long id, long caseId, long partnershipId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Markings extends CrudRepository<Marking, Long> {
        List<Marking> findByCaseIdOrderById(long caseId);

        List<Marking> findByCaseIdInOrderById(Collection<Long> caseId);

        Optional<Marking> findByCaseIdAndAccountId(long caseId, long accountId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Marks extends CrudRepository<Mark, Long> {
        List<Mark> findByMarkingIdOrderById(long markingId);

        List<Mark> findByMarkingIdInOrderById(Collection<Long> markingId);

        void deleteByMarkingId(long markingId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Moderations extends CrudRepository<Moderation, Long> {
        Optional<Moderation> findByCaseId(long caseId);

        List<Moderation> findByCaseIdIn(Collection<Long> caseId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface AgreedRatings extends CrudRepository<AgreedRating, Long> {
        List<AgreedRating> findByCaseIdOrderById(long caseId);

        void deleteByCaseId(long caseId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Findings extends CrudRepository<Finding, Long> {
        List<Finding> findByCaseIdOrderByPosition(long caseId);

        void deleteByCaseId(long caseId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Challenges extends CrudRepository<Challenge, Long> {
        List<Challenge> findByCaseIdOrderById(long caseId);

        List<Challenge> findByReturnIdAndReleasedAtIsNotNullOrderById(long returnId);

        Optional<Challenge> findByIdAndCaseIdAndPartnershipId(long id, long caseId, long partnershipId);

        Optional<Challenge> findByIdAndReturnIdAndPartnershipId(long id, long returnId, long partnershipId);

        /** Released, unanswered challenges due on or before a day: the runner's reminders and overdue notices. */
        List<Challenge> findByReleasedAtIsNotNullAndAnsweredAtIsNullAndDueOnLessThanEquals(LocalDate day);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface LetterTemplates extends CrudRepository<LetterTemplate, Long> {
        Optional<LetterTemplate> findByPartnershipId(long partnershipId);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Letters extends CrudRepository<Letter, Long> {
        Optional<Letter> findByCaseId(long caseId);

        List<Letter> findByCaseIdIn(Collection<Long> caseId);
    }
}
