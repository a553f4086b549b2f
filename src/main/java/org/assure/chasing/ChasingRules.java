package org.assure.chasing;

import io.micronaut.core.annotation.Nullable;
import org.assure.chasing.LadderStep.CountedFrom;
import org.assure.organisations.OrganisationKind;

import java.util.List;

import static org.assure.chasing.LadderRecipient.ASSISTANT_DIRECTOR_EDUCATION;
import static org.assure.chasing.LadderRecipient.BOARD_MEMBER;
import static org.assure.chasing.LadderRecipient.CHAIR_OF_GOVERNORS;
import static org.assure.chasing.LadderRecipient.DSL;
import static org.assure.chasing.LadderRecipient.HEADTEACHER;
import static org.assure.chasing.LadderRecipient.LEAD;
import static org.assure.chasing.LadderRecipient.SAFEGUARDING_EXECUTIVE;
import static org.assure.chasing.LadderRecipient.SAFEGUARDING_GOVERNOR;

/**
 * How a cycle chases: reminders so many days before the deadline, a ladder for schools and one for agencies
 * after it, at most {@code weeklyCap} emails to one person from the cycle in any seven days, and what makes a
 * submitted return non-compliant (more "not met" answers than {@code notMetThreshold}, or any among the
 * critical questions). {@code saved} is false while the cycle uses the defaults.
 */
public record ChasingRules(long cycleId, List<Integer> reminderDays, int weeklyCap, @Nullable Integer notMetThreshold,
                           List<String> criticalQuestions, List<LadderStep> schoolLadder, List<LadderStep> agencyLadder, boolean saved) {
    public static final List<Integer> DEFAULT_REMINDERS = List.of(28, 14, 7, 1);
    public static final int DEFAULT_WEEKLY_CAP = 3;
    public static final int DEFAULT_NOT_MET_THRESHOLD = 3;

    public List<LadderStep> ladderFor(OrganisationKind kind) {
        return kind == OrganisationKind.SCHOOL ? schoolLadder : agencyLadder;
    }

    /** What a new cycle chases by until an admin changes it: the frameworks' own ladders (issue 11). */
    public static ChasingRules defaults(long cycleId) {
        return new ChasingRules(cycleId, DEFAULT_REMINDERS, DEFAULT_WEEKLY_CAP, DEFAULT_NOT_MET_THRESHOLD, List.of(), SCHOOL_LADDER,
                AGENCY_LADDER, false);
    }

    static final List<LadderStep> SCHOOL_LADDER = List.of(
            new LadderStep(1, 1, CountedFrom.DEADLINE, List.of(DSL, HEADTEACHER), "Your safeguarding self-assessment is overdue",
                    "The deadline for your school's safeguarding self-assessment has passed and the partnership has not received it. "
                            + "Please complete and submit it as soon as you can. If you need more time, ask the partnership for an extension "
                            + "before the next step, when the chair of governors is told.", false, false),
            new LadderStep(2, 7, CountedFrom.DEADLINE, List.of(CHAIR_OF_GOVERNORS, SAFEGUARDING_GOVERNOR),
                    "The school's safeguarding self-assessment is a week overdue",
                    "You are receiving this because you chair the school's governing board, or are its safeguarding governor. The "
                            + "governing board is responsible for the school's safeguarding arrangements (section 175 of the Education Act "
                            + "2002, or section 157 and the independent school standards), and the safeguarding partnership asks every school "
                            + "for this self-assessment each year. The school has not submitted it a week after the deadline. Please make "
                            + "sure the headteacher and the designated safeguarding lead complete it, that the board sees it, and that it is "
                            + "submitted. You can sign in to record what the board is doing about it.", false, false),
            new LadderStep(3, 21, CountedFrom.DEADLINE, List.of(ASSISTANT_DIRECTOR_EDUCATION),
                    "Safeguarding self-assessment three weeks overdue: added to the assurance panel list",
                    "The school below has not submitted its safeguarding self-assessment three weeks after the deadline, although its "
                            + "designated safeguarding lead, headteacher and chair of governors have been written to. It has been put on the "
                            + "list for the partnership's assurance panel. Please take this up with the school.", true, false));

    static final List<LadderStep> AGENCY_LADDER = List.of(
            new LadderStep(1, 1, CountedFrom.DEADLINE, List.of(LEAD), "Your Section 11 self-assessment is overdue",
                    "The deadline for your organisation's Section 11 self-assessment has passed and the partnership has not received it. "
                            + "Please complete and submit it as soon as you can, or ask the partnership for an extension.", false, false),
            new LadderStep(2, 7, CountedFrom.DEADLINE, List.of(BOARD_MEMBER), "Your organisation's Section 11 self-assessment is a week overdue",
                    "You are receiving this because you represent the organisation below on the safeguarding partnership's board. Its "
                            + "Section 11 self-assessment (Children Act 2004) is a week past the deadline. Please make sure it is completed "
                            + "and submitted.", false, false),
            new LadderStep(3, 21, CountedFrom.DEADLINE, List.of(SAFEGUARDING_EXECUTIVE),
                    "Section 11 self-assessment three weeks overdue: added to the scrutiny list",
                    "The organisation below has not submitted its Section 11 self-assessment three weeks after the deadline, although its "
                            + "lead and its board member have been written to. It has been put on the list for the partnership's scrutiny "
                            + "panel, for the safeguarding executive to take up.", true, false));
}
