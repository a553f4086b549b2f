package org.assure.notify;

import org.assure.accounts.InvitationEmail;
import org.assure.accounts.PasswordChangedEmail;
import org.assure.accounts.PasswordResetEmail;
import org.assure.cycles.CycleOpenedEmail;
import org.assure.returns.ChangesNeededEmail;
import org.assure.returns.ReturnSubmittedNotice;
import org.assure.returns.ReturnSubmittedReceipt;
import org.assure.returns.SectionAssignedEmail;

import java.util.List;

/** One message of every kind, with {@code text} in every field that holds words (and in the links' paths). */
final class EmailSamples {
    private EmailSamples() {
    }

    static List<Message> everyKind(String text) {
        return List.of(
                new CycleOpenedEmail(text, text, text, text, "3 March 2027", "/"),
                new ReturnSubmittedReceipt(text, text, "AR-000123-1 " + text, true, "/returns/123/print?" + text),
                new ReturnSubmittedNotice(text, text, text, true, text, text, "3 March 2027 at 2:05pm", "AR-000123-1 " + text,
                        "/returns/123/print?" + text),
                new ChangesNeededEmail(text, text, text, "AR-000123-1", "First line.\n" + text + "\r\nLast line.", "/returns/123?" + text),
                new SectionAssignedEmail(text, text, text, text, "3 March 2027", true, "/returns/123/sections/" + text),
                new InvitationEmail(text, text, text, "/invitations/" + text, "10 March 2027 at 9:00am"),
                new PasswordResetEmail("/password-reset/" + text),
                new PasswordChangedEmail(text, "/password-reset"),
                new org.assure.chasing.ChaseEmail(text, text, text, text, "First line.\n" + text, false, true, "3 March 2027",
                        "9 days ago, on 3 March 2027", 40, List.of(text, "Second section"), "/returns/123?" + text),
                new org.assure.chasing.NonComplianceEmail(text, text, text, 5, "3", List.of(text), "/returns/123?" + text),
                new org.assure.sampling.DipSampleEmail(text, text, text, text, "0123456789abcdef", true, "/returns/123?" + text),
                new org.assure.panels.ChallengeReleasedEmail(text, text, text, 2, "3 March 2027", "/returns/123/challenges?" + text),
                new org.assure.panels.ChallengeDueEmail(text, text, text, "First line.\n" + text, "3 March 2027", false, "/returns/123/challenges?" + text),
                new org.assure.panels.ChallengeDueEmail(text, text, text, "First line.\n" + text, "3 March 2027", true, "/returns/123/challenges?" + text),
                new org.assure.chasing.NotAssuredEmail(text, text, text, text, text, "/returns/123?" + text),
                new org.assure.panels.OutcomeLetterEmail(text, text, text, text, "/returns/123/outcome?" + text),
                new org.assure.actions.ActionChaseEmail(text, text, text, text, text, text, "First line.\n" + text, true, text, "in 3 days, on 3 March 2027",
                        "/actions/123?" + text),
                new org.assure.actions.ActionChaseEmail(text, text, text, text, text, text, "First line.\n" + text, false, text, "15 days ago, on 3 March 2027",
                        "/actions/123?" + text));
    }
}
