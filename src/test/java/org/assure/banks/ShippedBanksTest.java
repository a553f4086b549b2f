package org.assure.banks;

import org.assure.banks.BankModel.QuestionType;
import org.assure.banks.BankModel.Version;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The banks this repository ships load under every rule and have the content the product promises. */
class ShippedBanksTest {
    static LoadedBanks shipped() {
        return BankLoader.load(BankFiles.fromDirectory(Path.of("question-banks")));
    }

    @Test
    void everyShippedBankLoads() {
        LoadedBanks banks = shipped();
        assertTrue(banks.versions().size() >= 6, "section-11 and section-175, three versions each");
    }

    @Test
    void section11HasThreeVersionsOfAtLeastFiftyRatingQuestions() {
        List<Version> versions = shipped().byBank().get("section-11").stream().map(LoadedBanks.LoadedVersion::version).toList();
        assertEquals(List.of("2018", "2023", "2026"), versions.stream().map(Version::version).toList());
        for (Version v : versions) {
            assertTrue(v.questions().stream().filter(q -> q.type() == QuestionType.RATING).count() >= 50, v.id());
            assertEquals(List.of("AGENCY"), v.audience().kinds(), v.id());
            assertTrue(v.sections().size() >= 9, v.id() + ": the 8 standards and the voice of the child");
            assertTrue(v.questions().stream().filter(q -> q.type() == QuestionType.RATING)
                    .allMatch(q -> q.hint() != null && q.evidencePrompt() != null && q.guidance() != null), v.id());
        }
    }

    @Test
    void section175HasThreeVersionsOfAtLeastEightyQuestionsWithConditions() {
        List<Version> versions = shipped().byBank().get("section-175").stream().map(LoadedBanks.LoadedVersion::version).toList();
        assertEquals(List.of("2024", "2025", "2026"), versions.stream().map(Version::version).toList());
        for (Version v : versions) {
            assertTrue(v.questions().size() >= 80, v.id());
            assertTrue(v.questions().stream().anyMatch(q -> q.showWhen() != null && q.showWhen().question().equals("has-boarding")), v.id());
            assertTrue(v.questions().stream().anyMatch(q -> q.showWhen() != null && q.showWhen().question().equals("has-early-years")), v.id());
            assertTrue(v.questions().stream().filter(q -> q.type() == QuestionType.RATING).allMatch(q -> q.localExpectation() || !q.references().isEmpty()), v.id());
        }
    }

    @Test
    void theDefaultScaleIsRagWithEvidenceForEveryRatingButNotApplicable() {
        var scale = shipped().find("section-175", "2025").orElseThrow().version().scale();
        assertEquals(List.of("GREEN", "AMBER", "RED", "NA"), scale.ratings().stream().map(BankModel.Rating::code).toList());
        scale.ratings().forEach(r -> assertEquals(r.notApplicable() ? BankModel.Requirement.NONE : BankModel.Requirement.REQUIRED, r.evidence(), r.code()));
        assertEquals(BankModel.Requirement.REQUIRED, scale.rating("NA").orElseThrow().reason());
    }

    /** KCSIE 2025's changes as the files make them; the comparison must list exactly these. */
    @Test
    void theComparisonOfTheSection175VersionsListsExactlyTheChangesTheFilesMake() {
        LoadedBanks banks = shipped();
        List<Version> versions = banks.byBank().get("section-175").stream().map(LoadedBanks.LoadedVersion::version).toList();
        var c = BankComparison.compare(versions, versions.get(0), versions.get(1));
        assertEquals(List.of("online-misinformation", "genai-product-safety", "cyber-security-standards", "kinship-care"),
                afterKeys(c, BankComparison.Kind.ADDED));
        assertEquals(List.of("safeguarding-definition"), beforeKeys(c, BankComparison.Kind.REMOVED));
        assertEquals(List.of("attendance-policy", "absence-follow-up"), afterKeys(c, BankComparison.Kind.REWORDED));
        assertEquals(List.of("elective-home-education"), afterKeys(c, BankComparison.Kind.MOVED));
        assertEquals(List.of("attendance-support"), afterKeys(c, BankComparison.Kind.RENAMED));
        assertEquals(List.of("persistent-absence"), beforeKeys(c, BankComparison.Kind.RENAMED));
        assertEquals(List.of("lettings-assurance"), afterKeys(c, BankComparison.Kind.MERGED));
        assertEquals(List.of("lettings-safeguarding-clauses", "lettings-provider-checks"), beforeKeys(c, BankComparison.Kind.MERGED));
        assertEquals(List.of("filtering-in-place", "monitoring-in-place", "filtering-monitoring-review"), afterKeys(c, BankComparison.Kind.SPLIT));
        assertEquals(List.of("filtering-monitoring"), beforeKeys(c, BankComparison.Kind.SPLIT));
        assertEquals(11, c.changes().size(), "nothing else is reported");
        assertEquals(versions.get(1).questions().size() - 4 - 2 - 1 - 1 - 1 - 3, c.unchanged());
    }

    /** KCSIE 2026 and the review's corrections (issue 10) as the 2026 file makes them; the comparison must list exactly these. */
    @Test
    void theComparisonOfSection175From2025To2026ListsExactlyTheChangesTheFileMakes() {
        List<Version> versions = shipped().byBank().get("section-175").stream().map(LoadedBanks.LoadedVersion::version).toList();
        var c = BankComparison.compare(versions, versions.get(1), versions.get(2));
        assertEquals(List.of("leadership-impact", "dsl-status-authority", "dsl-skills-experience", "cp-info-before-transfer", "dsl-impact", "cp-policy-intimate-images",
                "behaviour-policy", "anti-bullying-measures", "mobile-phones-policy", "policies-impact", "staff-aware-misogyny", "training-impact",
                "self-declaration", "s128-management-positions", "maintained-governors-dbs", "s128-academy-trustees", "s128-independent-proprietors", "safer-recruitment-impact",
                "board-reviews-filtering-standards", "plan-technology", "online-safety-impact", "allegations-impact", "intimate-images-dsl", "child-on-child-impact",
                "early-help-impact", "senior-attendance-champion", "attendance-impact", "exploitation-awareness", "serious-violence-awareness", "private-fostering",
                "children-in-court", "parent-in-prison", "gender-questioning-parents", "gender-questioning-decisions", "greater-risk-impact", "preventative-education-harms",
                "teaching-impact", "ey-dsl-training", "ey-staff-training", "ey-references", "ey-absence-follow-up", "ey-emergency-contacts",
                "ey-safer-eating", "ey-nappy-privacy", "early-years-impact", "arranges-homestay", "homestay-emergency-contact", "boarding-homestay-impact",
                "lettings-impact", "signoff-headteacher-name", "signoff-headteacher-date", "signoff-governor-name", "signoff-governor-date", "signoff-board-date"),
                afterKeys(c, BankComparison.Kind.ADDED));
        assertEquals(List.of(), beforeKeys(c, BankComparison.Kind.REMOVED));
        assertEquals(List.of("governance-accountability", "induction-safeguarding", "regular-updates", "scr-complete", "recruitment-copies", "filtering-in-place",
                "monitoring-in-place", "filtering-monitoring-review", "mobile-technology", "genai-product-safety", "cyber-security-standards", "supply-allegations",
                "challenge-culture", "sv-risk-assessment", "sharing-nudes", "pupil-reporting", "early-help-identification", "escalation",
                "operation-encompass", "elective-home-education", "social-worker-children", "mental-health-concerns", "lgbt-support", "rshe-curriculum",
                "external-speakers", "has-early-years", "ey-phones-cameras", "has-boarding", "boarding-staff-checks", "host-families",
                "lettings-allegations", "site-access-control", "site-security"),
                afterKeys(c, BankComparison.Kind.REWORDED));
        assertEquals(List.of("has-early-years", "ey-phones-cameras", "ey-disqualification", "has-boarding", "boarding-staff-checks", "boarding-independent-listener",
                "host-families", "lettings-allegations", "school-run-activities", "site-access-control", "site-security"),
                afterKeys(c, BankComparison.Kind.MOVED));
        assertEquals(Map.of(), lineage(c, BankComparison.Kind.RENAMED));
        assertEquals(Map.of(), lineage(c, BankComparison.Kind.MERGED));
        assertEquals(entries(Map.entry("safeguarding-governor", List.of("board-safeguarding-lead", "governor-dsl-meetings-termly")),
                Map.entry("governor-training", List.of("governor-training-induction", "governor-training-updated")),
                Map.entry("annual-safeguarding-report", List.of("dsl-report-to-board", "board-challenge-recorded")),
                Map.entry("whole-school-approach", List.of("safeguarding-everyones-responsibility", "child-centred-decisions")),
                Map.entry("local-arrangements", List.of("local-procedures-followed", "partnership-participation")),
                Map.entry("dsl-appointed", List.of("dsl-senior-appointed", "dsl-job-description")),
                Map.entry("dsl-time-resources", List.of("dsl-protected-time", "dsl-funding-resources", "dsl-support-supervision")),
                Map.entry("deputy-dsl-trained", List.of("deputy-dsl-same-training", "dsl-lead-not-delegated")),
                Map.entry("dsl-availability", List.of("dsl-available-term-time", "dsl-out-of-hours-cover")),
                Map.entry("dsl-training-refresh", List.of("dsl-training-two-yearly", "dsl-knowledge-annual")),
                Map.entry("concern-records", List.of("concerns-recorded-in-writing", "concern-records-secure")),
                Map.entry("cp-file-transfer", List.of("cp-file-transfer-timely", "cp-file-transfer-secure", "cp-file-receipt-confirmed")),
                Map.entry("cp-policy-current", List.of("cp-policy-annual-review", "cp-policy-local-procedures", "cp-policy-published")),
                Map.entry("staff-behaviour-policy", List.of("staff-code-of-conduct", "staff-code-known")),
                Map.entry("whistleblowing", List.of("whistleblowing-internal", "whistleblowing-external")),
                Map.entry("information-sharing", List.of("info-sharing-data-protection", "info-sharing-when-and-how")),
                Map.entry("prevent-duty", List.of("prevent-risk-assessment", "prevent-training", "prevent-referrals")),
                Map.entry("reasonable-force", List.of("reasonable-force-approach", "reasonable-force-recorded")),
                Map.entry("staff-read-part-one", List.of("part-one-read", "part-one-understood")),
                Map.entry("cp-training-all-staff", List.of("staff-training-induction", "staff-training-regularly-updated")),
                Map.entry("training-records", List.of("training-record-kept", "training-gaps-followed-up")),
                Map.entry("online-searches", List.of("online-searches-candidates-told", "online-searches-done")),
                Map.entry("references", List.of("references-before-interview", "references-concerns-followed-up")),
                Map.entry("pre-appointment-checks", List.of("pre-appointment-checks-complete", "dbs-pending-risk-assessed")),
                Map.entry("scr-checked", List.of("scr-checked-termly", "scr-governor-check")),
                Map.entry("agency-contractor-checks", List.of("agency-written-confirmation", "contractor-checks", "arrival-identity-check")),
                Map.entry("online-misinformation", List.of("misinformation-staff-aware", "misinformation-pupils-taught")),
                Map.entry("online-safety-dsl-lead", List.of("dsl-online-safety-lead", "filtering-monitoring-roles-assigned")),
                Map.entry("filtering-monitoring-roles", List.of("staff-know-filtering-role", "filtering-concerns-reported")),
                Map.entry("online-safety-parents", List.of("online-safety-parents-informed", "remote-learning-parents-told")),
                Map.entry("information-security", List.of("it-access-control", "security-reviewed")),
                Map.entry("allegations-procedure", List.of("allegations-reported-to-case-manager", "allegations-lado-consulted")),
                Map.entry("allegation-records", List.of("allegation-records-kept", "references-substantiated-only", "malicious-allegations-removed")),
                Map.entry("dbs-tra-referrals", List.of("dbs-referral-duty", "tra-referral-considered")),
                Map.entry("low-level-concerns-policy", List.of("low-level-concerns-in-policy", "low-level-concerns-culture")),
                Map.entry("low-level-concerns-records", List.of("low-level-concerns-recorded", "low-level-concerns-reviewed", "low-level-concerns-escalated")),
                Map.entry("child-on-child-policy", List.of("coc-policy", "coc-staff-awareness")),
                Map.entry("sv-sh-response", List.of("sv-victim-reassured", "sv-case-decisions", "sv-police-starting-point")),
                Map.entry("early-help-role", List.of("community-early-help", "family-help-contribution", "early-help-review")),
                Map.entry("referral-route", List.of("referral-immediate", "referral-any-staff", "referral-threshold")),
                Map.entry("attendance-policy", List.of("attendance-policy-published", "attendance-safeguarding-link")),
                Map.entry("absence-follow-up", List.of("first-day-absence", "absence-harm-awareness")),
                Map.entry("roll-removal-notification", List.of("roll-removal-la", "continuous-absence-la")),
                Map.entry("ap-responsibility", List.of("ap-remains-responsible", "ap-provider-checks", "ap-addresses")),
                Map.entry("ap-monitoring", List.of("ap-absence-same-day", "ap-placement-review")),
                Map.entry("designated-teacher-lac", List.of("designated-teacher", "lac-information-dsl", "care-leavers")),
                Map.entry("kinship-care", List.of("kinship-identified", "kinship-virtual-school")),
                Map.entry("send-barriers", List.of("send-barriers-awareness", "send-communication")),
                Map.entry("online-safety-curriculum", List.of("online-safety-taught", "online-safety-teaching-updated")),
                Map.entry("teaching-adapted", List.of("teaching-send-adapted", "teaching-responsive")),
                Map.entry("rshe-parents", List.of("rse-policy-consulted", "rse-policy-published", "rse-materials-parents", "rse-withdrawal")),
                Map.entry("ey-eyfs-requirements", List.of("ey-policy-eyfs", "ey-dsl")),
                Map.entry("boarding-nms", List.of("boarding-nms-met", "boarding-inspection-actions")),
                Map.entry("lettings-assurance", List.of("lettings-agreement-clauses", "lettings-provider-policies", "lettings-liaison"))), lineage(c, BankComparison.Kind.SPLIT));
        assertEquals(152, c.changes().size(), "nothing else is reported");
        assertEquals(5, c.unchanged());
    }

    /** Working Together 2023 and the Children's Wellbeing and Schools Act 2026 (issue 10) as the 2026 file makes them. */
    @Test
    void theComparisonOfSection11From2023To2026ListsExactlyTheChangesTheFileMakes() {
        List<Version> versions = shipped().byBank().get("section-11").stream().map(LoadedBanks.LoadedVersion::version).toList();
        var c = BankComparison.compare(versions, versions.get(1), versions.get(2));
        assertEquals(List.of("leadership-impact", "partners-funding", "partners-relevant-agencies-clear", "partners-education-in-arrangements", "partners-designated-education-readiness", "partners-macpt-readiness",
                "safeguarding-partners-impact", "statement-of-responsibilities-impact", "accountability-impact", "service-design-impact", "training-supervision-impact", "safer-recruitment-impact",
                "interagency-mash", "escalation-internal", "inter-agency-working-impact", "info-sharing-secure-transfer", "info-sharing-duty-readiness", "consistent-identifier-readiness",
                "information-sharing-impact", "prevent-risk-assessment", "prevent-training", "prevent-referral-route", "channel-panel", "fgm-duty-known",
                "fgm-reports-made", "fgm-safeguarding-response", "modern-slavery-recognition", "nrm-child-referral", "nrm-duty-to-notify", "nrm-first-responders-trained",
                "is-first-responder-organisation", "nrm-voluntary-referral", "specific-duties-impact", "voice-of-child-impact", "health-training-levels-mapped", "health-level3-compliance",
                "health-board-training", "health-named-professionals", "health-designated-professionals", "health-practice-safeguarding-lead", "health-was-not-brought", "health-impact",
                "police-protection-designated-officer", "police-custody-transfer", "police-domestic-abuse-children", "police-operation-encompass", "police-impact", "vcs-trustees-responsible",
                "vcs-safeguarding-trustee", "vcs-serious-incidents", "vcs-local-arrangements", "voluntary-sector-impact"),
                afterKeys(c, BankComparison.Kind.ADDED));
        assertEquals(List.of(), beforeKeys(c, BankComparison.Kind.REMOVED));
        assertEquals(List.of("leadership-named-board-lead", "leadership-business-plan", "leadership-practice-principles", "policy-in-date", "policy-local-procedures", "policy-specific-risks",
                "accountability-named-lead-capacity", "accountability-record-keeping", "services-accessibility", "services-harm-outside-home", "recruitment-dbs-rechecks", "voice-advocacy"),
                afterKeys(c, BankComparison.Kind.REWORDED));
        assertEquals(List.of(),
                afterKeys(c, BankComparison.Kind.MOVED));
        assertEquals(Map.of(), lineage(c, BankComparison.Kind.RENAMED));
        assertEquals(Map.of(), lineage(c, BankComparison.Kind.MERGED));
        assertEquals(entries(Map.entry("leadership-risk-register", List.of("leadership-risk-register-entries", "leadership-risk-register-review")),
                Map.entry("leadership-board-reports", List.of("leadership-annual-report", "leadership-board-challenge")),
                Map.entry("leadership-resources", List.of("leadership-resources-sufficient", "leadership-capacity-review")),
                Map.entry("leadership-strategic-partnership-role", List.of("leadership-partnership-priorities", "leadership-relevant-agency-representation", "partners-strategic-direction", "partners-delegated-partner-named", "partners-delegated-partner-authority", "partners-documents-signed-off",
                "partners-learning-oversight")),
                Map.entry("leadership-safeguarding-culture", List.of("leadership-culture-shared-responsibility", "leadership-culture-speaking-up")),
                Map.entry("policy-available-to-staff", List.of("policy-accessible", "policy-changes-communicated")),
                Map.entry("policy-commissioned-services", List.of("commissioning-contract-requirements", "commissioning-provider-monitoring")),
                Map.entry("accountability-named-lead-role", List.of("accountability-designated-lead-job-description", "accountability-designated-lead-access")),
                Map.entry("accountability-internal-audit", List.of("accountability-audit-programme", "accountability-audit-actions-tracked")),
                Map.entry("accountability-learning-from-incidents", List.of("incident-notify-panel", "incident-inform-local-authority", "incident-decision-agreed", "rapid-review-contribution", "review-learning-embedded")),
                Map.entry("services-working-with-parents", List.of("services-parents-partnership", "services-family-network")),
                Map.entry("services-whole-family-approach", List.of("services-adults-identify-children", "services-whole-family-joint-working")),
                Map.entry("services-disabled-children", List.of("services-disabled-children-risk", "services-disabled-children-communication")),
                Map.entry("training-completion-and-refresh", List.of("training-records", "training-refresh-intervals", "training-compliance-reporting")),
                Map.entry("recruitment-policy", List.of("recruitment-policy-current", "recruitment-policy-followed")),
                Map.entry("recruitment-dbs-checks", List.of("recruitment-dbs-level", "recruitment-dbs-before-start", "recruitment-dbs-agency-contractors")),
                Map.entry("recruitment-references", List.of("recruitment-references-before-appointment", "recruitment-identity-checks", "recruitment-employment-gaps")),
                Map.entry("allegations-procedure", List.of("allegations-named-senior-manager", "allegations-lado-one-working-day")),
                Map.entry("allegations-lado-records", List.of("allegations-records-kept", "allegations-patterns-reviewed")),
                Map.entry("whistleblowing-policy", List.of("whistleblowing-policy-routes", "whistleblowing-staff-awareness")),
                Map.entry("interagency-referral-routes", List.of("referral-route-known", "referral-threshold-use")),
                Map.entry("interagency-early-help", List.of("early-help-identification", "early-help-assessment-contribution", "early-help-lead-practitioner")),
                Map.entry("interagency-escalation", List.of("escalation-multiagency", "escalation-log")),
                Map.entry("interagency-conferences", List.of("conferences-attendance", "conferences-reports")),
                Map.entry("interagency-strategy-discussions", List.of("strategy-discussion-participation", "s47-assistance")),
                Map.entry("interagency-relevant-agency-role", List.of("relevant-agency-subgroups", "relevant-agency-information-requests", "relevant-agency-audits-data")),
                Map.entry("interagency-education-childcare", List.of("education-settings-information-sharing", "education-settings-involved")),
                Map.entry("info-sharing-lawful-arrangements", List.of("info-sharing-policy-current", "info-sharing-partner-agreements")),
                Map.entry("info-sharing-staff-confidence", List.of("info-sharing-staff-understand-law", "info-sharing-staff-advice")),
                Map.entry("voice-direct-work", List.of("voice-child-seen-alone", "voice-wishes-recorded")),
                Map.entry("voice-lived-experience", List.of("voice-lived-experience-recorded", "voice-lived-experience-decisions")),
                Map.entry("voice-participation", List.of("voice-participation-shaping", "voice-participation-feedback"))), lineage(c, BankComparison.Kind.SPLIT));
        assertEquals(96, c.changes().size(), "nothing else is reported");
        assertEquals(18, c.unchanged());
    }

    /** The review's Section 11 findings: roles asked only of those who hold them, and what 2023 dropped restored. */
    @Test
    void section11In2026AsksEachAgencyAboutItsOwnRole() {
        Version v = shipped().find("section-11", "2026").orElseThrow().version();
        assertEquals(List.of("LOCAL_AUTHORITY", "INTEGRATED_CARE_BOARD", "POLICE"), v.sectionOfQuestion().get("partners-strategic-direction").appliesTo().sectors(),
                "the strategic role belongs to the lead safeguarding partners");
        assertEquals(List.of("LOCAL_AUTHORITY"), v.question("incident-notify-panel").orElseThrow().appliesTo().sectors(),
                "only local authorities notify the Child Safeguarding Practice Review Panel");
        assertFalse(v.question("incident-inform-local-authority").orElseThrow().appliesTo().sectors().contains("LOCAL_AUTHORITY"),
                "other agencies inform the local authority");
        Version v2018 = shipped().find("section-11", "2018").orElseThrow().version();
        for (String restored : List.of("interagency-mash", "info-sharing-secure-transfer")) {
            assertTrue(v2018.question(restored).isPresent() && v.question(restored).isPresent(), restored + " is back under its 2018 key");
        }
        assertEquals(List.of("NHS_TRUST", "INTEGRATED_CARE_BOARD", "PRIMARY_CARE"), v.sections().stream().filter(s -> s.key().equals("health"))
                .findFirst().orElseThrow().appliesTo().sectors());
        assertTrue(v.question("fgm-duty-known").orElseThrow().appliesTo().sectors().containsAll(List.of("NHS_TRUST", "LOCAL_AUTHORITY")));
        for (String notYetInForce : List.of("partners-macpt-readiness", "info-sharing-duty-readiness", "consistent-identifier-readiness")) {
            assertTrue(v.question(notYetInForce).orElseThrow().localExpectation(), notYetInForce + ": not in force on the version's date, so not a requirement");
        }
        assertTrue(v.notes().contains("section 78"), "the notes say what of the Act is in force");
    }

    /** What the review found in 2025 does not recur in 2026. */
    @Test
    void section175In2026FixesWhatTheReviewFound() {
        Version v = shipped().find("section-175", "2026").orElseThrow().version();
        var hostFamilies = v.question("host-families").orElseThrow();
        assertEquals("arranges-homestay", hostFamilies.showWhen().question(), "day schools arrange homestays too: its own yes/no");
        assertEquals(BankModel.QuestionType.YES_NO, v.question("arranges-homestay").orElseThrow().type());
        assertFalse(v.question("attendance-support").orElseThrow().carryForward(), "a different expectation from persistent-absence: answered afresh");
        assertFalse(v.question("designated-teacher").orElseThrow().appliesTo().categories().contains("INDEPENDENT"),
                "statutory in maintained schools and academies only");
        for (String key : List.of("attendance-policy-published", "senior-attendance-champion", "first-day-absence")) {
            assertFalse(v.question(key).orElseThrow().appliesTo().categories().contains("FE_COLLEGE"), key + ": the attendance guidance does not cover colleges");
        }
        for (String key : List.of("governor-dsl-meetings-termly", "scr-checked-termly", "site-access-control", "site-security")) {
            assertTrue(v.question(key).orElseThrow().localExpectation(), key + " is a local expectation, not a KCSIE requirement");
        }
        assertTrue(v.question("site-security").orElseThrow().references().stream().noneMatch(r -> r.startsWith("KCSIE")),
                "KCSIE sets no site-security requirements");
        assertTrue(v.question("misinformation-staff-aware").orElseThrow().references().stream().anyMatch(r -> r.equals("KCSIE 2026, paragraph 165")),
                "misinformation is in Part 2");
        assertTrue(v.question("sv-police-starting-point").orElseThrow().text().contains("starting point"));
        assertEquals(List.of("lettings-agreement-clauses", "lettings-provider-policies", "lettings-liaison"), v.questions().stream()
                .filter(q -> "lettings-assurance".equals(q.splitFrom())).map(BankModel.Question::key).toList(), "lettings asked one thing at a time");
        assertFalse(v.question("dsl-senior-appointed").orElseThrow().notApplicableAllowed(), "a statutory requirement may not be N/A");
        assertEquals("local-priorities", v.sectionOfQuestion().get("site-security").key());
        assertTrue(v.sections().stream().map(BankModel.Section::key).toList().containsAll(List.of("early-years", "boarding-homestay", "sign-off")));
        for (BankModel.Section s : v.sections()) {
            if (!List.of("local-priorities", "sign-off").contains(s.key())) {
                assertEquals(BankModel.QuestionType.LONG_TEXT, v.question(s.key() + "-impact").orElseThrow().type(), s.key() + " ends with its impact question");
            }
        }
    }

    /**
     * The newest version of each shipped bank cites its sources, and every rating question in it (bar the partnership's own
     * expectations) cites a paragraph where its guidance has numbered paragraphs. Checked here as well as by the loader, so
     * the rule holds for the shipped files even if the loader's check were weakened.
     */
    @Test
    void theNewestVersionsCiteTheirGuidanceToTheParagraph() {
        for (List<LoadedBanks.LoadedVersion> bank : shipped().byBank().values()) {
            Version newest = bank.get(bank.size() - 1).version();
            assertFalse(newest.sources().isEmpty(), newest.id() + " lists its sources");
            assertTrue(newest.notes() != null && !newest.notes().isBlank(), newest.id() + " has notes");
            assertTrue(newest.sources().stream().allMatch(s -> s.edition() != null), newest.id() + ": every source says its edition");
            for (BankModel.Question q : newest.questions()) {
                if (q.type() != QuestionType.RATING || q.localExpectation()) {
                    continue;
                }
                List<BankModel.Source> cited = q.references().stream().map(r -> newest.sources().stream()
                        .filter(s -> r.equals(s.citeAs()) || r.startsWith(s.citeAs() + ",") || r.startsWith(s.citeAs() + ":")).findFirst().orElse(null)).toList();
                assertFalse(cited.isEmpty() || cited.contains(null), newest.id() + " " + q.key() + ": every reference names a source");
                boolean numbered = cited.stream().anyMatch(BankModel.Source::numberedParagraphs);
                boolean toTheParagraph = q.references().stream().anyMatch(r -> BankFileReader.PARAGRAPH_LEVEL.matcher(r).find());
                assertTrue(!numbered || toTheParagraph, newest.id() + " " + q.key() + " cites a paragraph: " + q.references());
            }
        }
    }

    private static Map<String, List<String>> lineage(BankComparison.Comparison c, BankComparison.Kind kind) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (BankComparison.Change ch : c.of(kind)) {
            List<BankComparison.QuestionRef> one = kind == BankComparison.Kind.SPLIT ? ch.before() : ch.after();
            List<BankComparison.QuestionRef> many = kind == BankComparison.Kind.SPLIT ? ch.after() : ch.before();
            map.put(one.get(0).key(), many.stream().map(BankComparison.QuestionRef::key).toList());
        }
        return map;
    }

    @SafeVarargs
    private static Map<String, List<String>> entries(Map.Entry<String, List<String>>... entries) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : entries) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }

    private static List<String> afterKeys(BankComparison.Comparison c, BankComparison.Kind kind) {
        return c.of(kind).stream().flatMap(ch -> ch.after().stream()).map(BankComparison.QuestionRef::key).sorted(byFileOrder(c.to())).toList();
    }

    private static List<String> beforeKeys(BankComparison.Comparison c, BankComparison.Kind kind) {
        return c.of(kind).stream().flatMap(ch -> ch.before().stream()).map(BankComparison.QuestionRef::key).sorted(byFileOrder(c.from())).toList();
    }

    private static java.util.Comparator<String> byFileOrder(Version v) {
        List<String> order = v.questions().stream().map(BankModel.Question::key).toList();
        return java.util.Comparator.comparingInt(order::indexOf);
    }
}
