package org.assure.access;

import jakarta.inject.Singleton;
import org.assure.kernel.Refusal;

/**
 * Who may do what to which thing, for all six roles, in one place (ADR 0015). Services ask it before they
 * read or change anything; routes are checked first, more coarsely, by {@link RouteAccess}.
 * <p>
 * Scope comes first: anything of another partnership, and anything of an organisation that is not the
 * person's own (for roles that act for an organisation), is hidden (404), so an id from elsewhere reveals
 * nothing. Within scope, a role without the right is forbidden (403) with the reason.
 * <ul>
 *   <li>Partnership admin: administers the partnership; opens and reads every return but changes none
 *       (a return is its organisation's own account); returns a submission for changes; reads reports.</li>
 *   <li>Organisation lead: opens, reads, edits, assigns and submits their organisation's returns.</li>
 *   <li>Contributor: opens their organisation's returns and sees and edits only the sections assigned to them.</li>
 *   <li>Chair or escalation contact: opens their organisation's page and reads its returns whole (printable and as
 *       submitted), without their working pages; changes nothing. (Escalations reach them by email, issue 11.)</li>
 *   <li>Panel member: follows which cycles are in progress; opens the panels they sit on and their cases, reads and marks
 *       a case's submission, never one they have a conflict of interest with (issue 12); the panel's moderator moderates.
 *       Nothing of a return outside their panels' cases.</li>
 *   <li>Board viewer: reads the partnership's reports (issue 14): its cycles' composite reports and each organisation's return
 *       report (as submitted, with the panel's moderated outcome); follows its cycles. Nothing of a return's working pages.</li>
 * </ul>
 */
@Singleton
public class AccessPolicy {
    static final String ADMINS_ONLY = "Only partnership admins can do this";
    static final String LEAD_ONLY = "Only the organisation's lead can do this";
    static final String WHOLE_RETURN = "Only the organisation's lead, its chair and the partnership can see the whole return";
    static final String CHAIR_READS = "The chair reads the whole return, as it stands and as submitted; its working pages are for the "
            + "organisation's lead and the colleagues helping them";
    static final String NOT_FOLLOWING_CYCLES = "Only partnership admins, panel members and board viewers follow the partnership's cycles";
    static final String RETURNS_BY_ADMINS = "Only partnership admins return a submission for changes";
    static final String ASSIGNED_ELSEWHERE = "This section is assigned to someone else";
    static final String ADMINS_LOOK = "Partnership admins can look at a return but not change it: it is the organisation's own account";
    static final String CONFLICTED = "You have a conflict of interest with this organisation, so you cannot see or mark this case";
    static final String MEMBERS_MARK = "Only the panel's members mark its cases";
    static final String MODERATOR_MODERATES = "Only the panel's moderator moderates its cases";
    static final String OWN_ACTION = "Nobody verifies their own action";
    static final String VERIFIERS = "Only the partnership, or the panel member it names, verifies an action";
    static final String ACTION_UPDATERS = "Only the organisation's lead and contributors update its actions";
    static final String WITHDRAWERS = "Only the partnership or the organisation's lead withdraws an action";
    static final String NOT_A_REPORT_READER = "Only partnership admins and board viewers read the partnership's reports";
    static final String RETURN_REPORT_READERS = "Only the organisation's lead, its chair, the partnership and its board read the return report";

    /** The answer to one question: allowed, forbidden with the reason, or hidden (as if it did not exist). */
    public record Decision(Outcome outcome, String reason) {
        public enum Outcome { ALLOWED, FORBIDDEN, HIDDEN }

        static final Decision ALLOW = new Decision(Outcome.ALLOWED, "");
        static final Decision HIDE = new Decision(Outcome.HIDDEN, "");

        static Decision forbid(String reason) {
            return new Decision(Outcome.FORBIDDEN, reason);
        }

        public boolean allowed() {
            return outcome == Outcome.ALLOWED;
        }
    }

    public Decision decide(CurrentUser user, Action action, Target target) {
        if (user.partnershipId() != target.partnershipId()) {
            return Decision.HIDE;
        }
        if (target instanceof Target.Organisation o) {
            return organisation(user, action, o.organisationId());
        }
        if (target instanceof Target.Return r) {
            return ofReturn(user, action, r.organisationId());
        }
        if (target instanceof Target.Section s) {
            return section(user, action, s);
        }
        if (target instanceof Target.Panel p) {
            return panel(user, action, p);
        }
        if (target instanceof Target.PanelCase c) {
            return panelCase(user, action, c);
        }
        if (target instanceof Target.ActionItem a) {
            return actionItem(user, action, a);
        }
        return partnership(user, action);
    }

    public boolean allows(CurrentUser user, Action action, Target target) {
        return decide(user, action, target).allowed();
    }

    /** Goes on only if allowed; otherwise the refusal the person sees (404 for what is hidden, 403 with the reason). */
    public void require(CurrentUser user, Action action, Target target, String what) {
        Decision decision = decide(user, action, target);
        switch (decision.outcome()) {
            case ALLOWED -> { }
            case HIDDEN -> throw Refusal.notFound(what);
            case FORBIDDEN -> throw Refusal.forbidden(decision.reason());
        }
    }

    /** The partnership's administration: organisations, people, cycles, question banks, emails, scheduled work. */
    public void requireAdmin(CurrentUser user) {
        require(user, Action.ADMINISTER, Target.partnership(user.partnershipId()), "Page");
    }

    private static Decision partnership(CurrentUser user, Action action) {
        return switch (action) {
            case ADMINISTER -> user.isAdmin() ? Decision.ALLOW : Decision.forbid(ADMINS_ONLY);
            case READ_REPORTS -> user.isAdmin() || user.has(Roles.VIEWER) ? Decision.ALLOW : Decision.forbid(NOT_A_REPORT_READER);
            case FOLLOW_CYCLES -> user.isAdmin() || user.has(Roles.PANEL) || user.has(Roles.VIEWER) ? Decision.ALLOW
                    : Decision.forbid(NOT_FOLLOWING_CYCLES);
            default -> Decision.forbid(ADMINS_ONLY);
        };
    }

    private static Decision organisation(CurrentUser user, Action action, long organisationId) {
        boolean own = user.actsFor(organisationId);
        if (!user.isAdmin() && !own) {
            return Decision.HIDE;
        }
        return switch (action) {
            case OPEN, VIEW -> Decision.ALLOW;
            // inviting colleagues to help with the organisation's returns
            case ASSIGN -> own && user.has(Roles.LEAD) ? Decision.ALLOW : Decision.forbid(LEAD_ONLY);
            case ADMINISTER -> user.isAdmin() ? Decision.ALLOW : Decision.forbid(ADMINS_ONLY);
            default -> Decision.forbid(ADMINS_ONLY);
        };
    }

    private static Decision ofReturn(CurrentUser user, Action action, long organisationId) {
        boolean lead = user.has(Roles.LEAD) && user.actsFor(organisationId);
        boolean contributor = user.has(Roles.CONTRIBUTOR) && user.actsFor(organisationId);
        // the chair of governors (or an agency's escalation contact) oversees the return the organisation signs off
        boolean chair = user.has(Roles.CHAIR) && user.actsFor(organisationId);
        // the board reads the partnership's reports, and a return's report is one of them (ADR 0044); nothing else of a return
        boolean board = user.has(Roles.VIEWER) && action == Action.READ_REPORTS;
        if (!user.isAdmin() && !lead && !contributor && !chair && !board) {
            return Decision.HIDE;
        }
        return switch (action) {
            case READ_REPORTS -> user.isAdmin() || lead || chair || board ? Decision.ALLOW : Decision.forbid(RETURN_REPORT_READERS);
            case OPEN -> user.isAdmin() || lead || contributor ? Decision.ALLOW : Decision.forbid(CHAIR_READS);
            case VIEW -> user.isAdmin() || lead || chair ? Decision.ALLOW : Decision.forbid(WHOLE_RETURN);
            case EDIT, ASSIGN, SUBMIT -> lead ? Decision.ALLOW : Decision.forbid(user.isAdmin() && action == Action.EDIT ? ADMINS_LOOK : LEAD_ONLY);
            case RETURN_FOR_CHANGES -> user.isAdmin() ? Decision.ALLOW : Decision.forbid(RETURNS_BY_ADMINS);
            default -> Decision.forbid(ADMINS_ONLY);
        };
    }

    private static Decision section(CurrentUser user, Action action, Target.Section s) {
        boolean lead = user.has(Roles.LEAD) && user.actsFor(s.organisationId());
        boolean contributor = user.has(Roles.CONTRIBUTOR) && user.actsFor(s.organisationId());
        if (!user.isAdmin() && !lead && !contributor) {
            return Decision.HIDE;
        }
        boolean assignedToMe = s.assignedAccountId() != null && s.assignedAccountId() == user.accountId();
        return switch (action) {
            case OPEN, VIEW -> user.isAdmin() || lead || assignedToMe ? Decision.ALLOW : Decision.forbid(ASSIGNED_ELSEWHERE);
            case EDIT -> lead || (contributor && assignedToMe) ? Decision.ALLOW
                    : Decision.forbid(contributor ? ASSIGNED_ELSEWHERE : ADMINS_LOOK);
            case ASSIGN -> lead ? Decision.ALLOW : Decision.forbid(LEAD_ONLY);
            default -> Decision.forbid(LEAD_ONLY);
        };
    }

    private static Decision panel(CurrentUser user, Action action, Target.Panel p) {
        boolean sits = p.sits() && (user.has(Roles.PANEL) || user.isAdmin());
        if (!user.isAdmin() && !sits) {
            return Decision.HIDE;
        }
        return switch (action) {
            case OPEN, VIEW -> Decision.ALLOW;
            case ADMINISTER -> user.isAdmin() ? Decision.ALLOW : Decision.forbid(ADMINS_ONLY);
            default -> Decision.forbid(ADMINS_ONLY);
        };
    }

    /**
     * A case: the partnership's admins see every case and mark none unless they sit on the panel; a member or the moderator
     * sees it unless they have a conflict of interest (then nothing of it: not its return, not the others' marks).
     */
    private static Decision panelCase(CurrentUser user, Action action, Target.PanelCase c) {
        boolean sits = c.member() || c.moderator();
        if (!user.isAdmin() && !sits) {
            return Decision.HIDE;
        }
        if (sits && c.conflicted() && action != Action.ADMINISTER) {
            return Decision.forbid(CONFLICTED);
        }
        return switch (action) {
            case OPEN, VIEW -> Decision.ALLOW;
            case MARK -> c.member() ? Decision.ALLOW : Decision.forbid(MEMBERS_MARK);
            case MODERATE -> c.moderator() ? Decision.ALLOW : Decision.forbid(MODERATOR_MODERATES);
            case ADMINISTER -> user.isAdmin() ? Decision.ALLOW : Decision.forbid(ADMINS_ONLY);
            default -> Decision.forbid(ADMINS_ONLY);
        };
    }

    /**
     * An organisation's action: the partnership's admins see every one; the organisation's lead, contributors and chair see
     * its own (the chair reads only); a panel member sees one they are named to verify. The lead and contributors report
     * progress; the partnership (or the named panel member) verifies, but never the action's owner.
     */
    private static Decision actionItem(CurrentUser user, Action action, Target.ActionItem a) {
        boolean own = user.actsFor(a.organisationId());
        boolean lead = own && user.has(Roles.LEAD);
        boolean contributor = own && user.has(Roles.CONTRIBUTOR);
        boolean chair = own && user.has(Roles.CHAIR);
        boolean verifier = a.namedVerifier() && user.has(Roles.PANEL);
        if (!user.isAdmin() && !lead && !contributor && !chair && !verifier) {
            return Decision.HIDE;
        }
        return switch (action) {
            case OPEN, VIEW -> Decision.ALLOW;
            case EDIT -> lead || contributor ? Decision.ALLOW : Decision.forbid(ACTION_UPDATERS);
            case VERIFY -> {
                if (a.ownerIsUser()) {
                    yield Decision.forbid(OWN_ACTION);
                }
                yield user.isAdmin() || verifier ? Decision.ALLOW : Decision.forbid(VERIFIERS);
            }
            case WITHDRAW -> user.isAdmin() || lead ? Decision.ALLOW : Decision.forbid(WITHDRAWERS);
            case ADMINISTER -> user.isAdmin() ? Decision.ALLOW : Decision.forbid(ADMINS_ONLY);
            default -> Decision.forbid(ADMINS_ONLY);
        };
    }
}
