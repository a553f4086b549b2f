package org.assure.access;

import jakarta.inject.Singleton;

import java.util.List;

import static io.micronaut.http.HttpMethod.GET;
import static io.micronaut.http.HttpMethod.POST;
import static org.assure.access.Roles.ADMIN;
import static org.assure.access.Roles.CHAIR;
import static org.assure.access.Roles.CONTRIBUTOR;
import static org.assure.access.Roles.LEAD;
import static org.assure.access.Roles.PANEL;
import static org.assure.access.Roles.VIEWER;
import static org.assure.access.RouteRules.Scope.ACCOUNT;
import static org.assure.access.RouteRules.Scope.ACTION;
import static org.assure.access.RouteRules.Scope.BANK;
import static org.assure.access.RouteRules.Scope.BANK_DRAFT;
import static org.assure.access.RouteRules.Scope.CYCLE;
import static org.assure.access.RouteRules.Scope.DIP_SAMPLE;
import static org.assure.access.RouteRules.Scope.EMAIL;
import static org.assure.access.RouteRules.Scope.EXPORT;
import static org.assure.access.RouteRules.Scope.IMPORT;
import static org.assure.access.RouteRules.Scope.NONE;
import static org.assure.access.RouteRules.Scope.OFFICER;
import static org.assure.access.RouteRules.Scope.PANEL_OF;
import static org.assure.access.RouteRules.Scope.ORGANISATION;
import static org.assure.access.RouteRules.Scope.PANEL_CASE;
import static org.assure.access.RouteRules.Scope.RETURN;
import static org.assure.access.RouteRules.Scope.SECTION;
import static org.assure.access.RouteRules.Scope.TOKEN;
import static org.assure.access.RouteRules.rule;

/**
 * Every route of the application and who may call it: the one table (ADR 0015). A route missing from it
 * is refused to everyone, and the route × role test names it. doc/access.md is generated from it.
 * Which of a role's things a route reaches is the service's question, answered by {@link AccessPolicy}.
 */
@Singleton
class AssureRoutes implements RouteRules {
    @Override
    public List<Rule> rules() {
        return List.of(
                // signing in, one-time links, health
                rule(GET, "/sign-in", NONE, "Sign-in page", ANYONE),
                rule(POST, "/sign-in", NONE, "Sign in", ANYONE),
                rule(POST, "/sign-out", NONE, "Sign out", ANYONE),
                rule(GET, "/invitations/{token}", TOKEN, "Accept an invitation: choose a password", ANYONE),
                rule(POST, "/invitations/{token}", TOKEN, "Accept an invitation", ANYONE),
                rule(GET, "/password-reset", NONE, "Ask for a password reset link", ANYONE),
                rule(POST, "/password-reset", NONE, "Send a password reset link", ANYONE),
                rule(GET, "/password-reset/{token}", TOKEN, "Reset a password: choose a new one", ANYONE),
                rule(POST, "/password-reset/{token}", TOKEN, "Reset a password", ANYONE),
                rule(GET, "/health", NONE, "Health check for the load balancer (UP or DOWN, no details)", ANYONE),
                rule(GET, "/health/{selector}", NONE, "Liveness or readiness check (UP or DOWN, no details)", ANYONE),

                // everyone signed in
                rule(GET, "/", NONE, "Dashboard: what each role has to do", SIGNED_IN),
                rule(GET, "/account/password", NONE, "Change your password", SIGNED_IN),
                rule(POST, "/account/password", NONE, "Change your password", SIGNED_IN),
                rule(POST, "/session/keep-alive", NONE, "Stay signed in (the idle-timeout warning's button)", SIGNED_IN),

                // people
                // API tokens and the read-only API (issue 14): the API's routes open to a bearer token only, never a session
                rule(GET, "/api-tokens", NONE, "API tokens: their state, last use and calls", ADMIN),
                rule(GET, "/api-tokens/new", NONE, "Create an API token", ADMIN),
                rule(POST, "/api-tokens/new", NONE, "Create an API token: its secret shown once", ADMIN),
                rule(POST, "/api-tokens/{id}/revoke", RouteRules.Scope.API_TOKEN, "Revoke an API token", ADMIN),
                rule(GET, "/api/v1/openapi.yaml", NONE, "The API's OpenAPI 3 description", ANYONE),
                rule(GET, "/api/v1/cycles", RouteRules.Scope.API, "API: cycles", API_TOKEN),
                rule(GET, "/api/v1/organisations", RouteRules.Scope.API, "API: organisations", API_TOKEN),
                rule(GET, "/api/v1/returns", RouteRules.Scope.API, "API: returns with the answers of their latest submission", API_TOKEN),
                rule(GET, "/api/v1/actions", RouteRules.Scope.API, "API: actions", API_TOKEN),
                rule(GET, "/api/v1/panel-outcomes", RouteRules.Scope.API, "API: confirmed panel outcomes", API_TOKEN),

                rule(GET, "/users", NONE, "People of the partnership", ADMIN),
                rule(GET, "/users/invite", NONE, "Invite someone", ADMIN),
                rule(POST, "/users/invite", NONE, "Invite someone", ADMIN),
                rule(POST, "/users/{id}/reinvite", ACCOUNT, "Send an invitation again", ADMIN),
                rule(GET, "/users/{id}", ACCOUNT, "A person: their roles, organisations and access", ADMIN),
                rule(POST, "/users/{id}/access", ACCOUNT, "Change a person's roles and organisations", ADMIN),
                rule(GET, "/users/{id}/deactivate", ACCOUNT, "Confirm deactivating a person", ADMIN),
                rule(POST, "/users/{id}/deactivate", ACCOUNT, "Deactivate a person: signed out at once, links die", ADMIN),
                rule(POST, "/users/{id}/reactivate", ACCOUNT, "Reactivate a person", ADMIN),

                // the partnership's named officers, whom escalations name by role
                rule(GET, "/partnership/officers", NONE, "The partnership's officers, by role", ADMIN),
                rule(GET, "/partnership/officers/new", NONE, "Add an officer", ADMIN),
                rule(POST, "/partnership/officers/new", NONE, "Add an officer", ADMIN),
                rule(GET, "/partnership/officers/{id}/edit", OFFICER, "Change an officer", ADMIN),
                rule(POST, "/partnership/officers/{id}/edit", OFFICER, "Change an officer", ADMIN),
                rule(GET, "/partnership/officers/{id}/remove", OFFICER, "Remove an officer: confirm", ADMIN),
                rule(POST, "/partnership/officers/{id}/remove", OFFICER, "Remove an officer", ADMIN),

                // organisations
                rule(GET, "/organisations", NONE, "Organisations, searched and filtered", ADMIN),
                rule(GET, "/organisations/new", NONE, "Add an organisation", ADMIN),
                rule(POST, "/organisations", NONE, "Add an organisation", ADMIN),
                rule(GET, "/organisations/{id}", ORGANISATION, "An organisation's page", ADMIN, LEAD, CONTRIBUTOR, CHAIR),
                rule(GET, "/organisations/{id}/edit", ORGANISATION, "Edit an organisation", ADMIN),
                rule(POST, "/organisations/{id}", ORGANISATION, "Edit an organisation", ADMIN),
                rule(POST, "/organisations/{id}/archive", ORGANISATION, "Archive an organisation", ADMIN),
                rule(POST, "/organisations/{id}/restore", ORGANISATION, "Restore an organisation", ADMIN),
                rule(GET, "/organisations/import", NONE, "Import schools from GIAS", ADMIN),
                rule(POST, "/organisations/import", NONE, "Upload a GIAS extract", ADMIN),
                rule(GET, "/organisations/import/template.xlsx", NONE, "The school list template", ADMIN),
                rule(GET, "/organisations/import/{importId}", IMPORT, "An import's preview, or what it did", ADMIN),
                rule(POST, "/organisations/import/{importId}/confirm", IMPORT, "Apply an import", ADMIN),

                // question banks
                rule(GET, "/banks", NONE, "Question banks and their versions", ADMIN),
                rule(GET, "/banks/{bank}/compare", BANK, "Compare two versions of a bank", ADMIN),
                rule(GET, "/banks/{bank}/{version}", BANK, "A bank version in full", ADMIN),
                rule(GET, "/banks/{bank}/{version}/export.xlsx", BANK, "A bank version as a workbook", ADMIN),
                rule(GET, "/banks/import", NONE, "Upload an edited bank workbook", ADMIN),
                rule(POST, "/banks/import", NONE, "Upload an edited bank workbook", ADMIN),
                rule(GET, "/banks/drafts/{id}", BANK_DRAFT, "An uploaded draft, checked and compared", ADMIN),
                rule(GET, "/banks/drafts/{id}.yaml", BANK_DRAFT, "An uploaded draft as YAML to commit", ADMIN),

                // cycles
                rule(GET, "/cycles", NONE, "Cycles", ADMIN),
                rule(GET, "/cycles/new", NONE, "Create a cycle", ADMIN),
                rule(POST, "/cycles", NONE, "Create a cycle", ADMIN),
                rule(GET, "/cycles/{id}", CYCLE, "A cycle and its progress", ADMIN),
                rule(GET, "/cycles/{id}/progress.xlsx", CYCLE, "A cycle's progress as a workbook", ADMIN),
                rule(GET, "/cycles/{id}/edit", CYCLE, "Edit a draft cycle", ADMIN),
                rule(POST, "/cycles/{id}/edit", CYCLE, "Edit a draft cycle", ADMIN),
                rule(POST, "/cycles/{id}/open", CYCLE, "Open a cycle: create its returns", ADMIN),
                rule(GET, "/cycles/{id}/close", CYCLE, "Close a cycle: confirm", ADMIN),
                rule(POST, "/cycles/{id}/close", CYCLE, "Close a cycle", ADMIN),
                rule(POST, "/cycles/{id}/reopen", CYCLE, "Reopen a closed cycle nothing has happened to since", ADMIN),
                rule(GET, "/cycles/{id}/delete", CYCLE, "Delete a draft cycle: confirm", ADMIN),
                rule(POST, "/cycles/{id}/delete", CYCLE, "Delete a draft cycle", ADMIN),
                rule(POST, "/cycles/{id}/invite-leads", CYCLE, "Invite the lead contacts of a cycle's organisations without a lead", ADMIN),
                rule(POST, "/cycles/{id}/archive", CYCLE, "Archive a cycle", ADMIN),
                rule(POST, "/cycles/{id}/organisations", CYCLE, "Add an organisation to an open cycle", ADMIN),
                rule(GET, "/cycles/{id}/chasing", CYCLE, "A cycle's chasing: outstanding returns, what is due, what was sent", ADMIN),
                rule(POST, "/cycles/{id}/chasing/send-now", CYCLE, "Send a cycle's due reminders and escalation steps now", ADMIN),
                rule(GET, "/cycles/{id}/chasing/rules", CYCLE, "A cycle's chasing rules and ladders", ADMIN),
                rule(POST, "/cycles/{id}/chasing/rules", CYCLE, "Change a cycle's chasing rules and ladders", ADMIN),
                rule(GET, "/cycles/{id}/exports", CYCLE, "A cycle's exports, who asked for each, and a button per kind (answers, progress, actions, panel marks)", ADMIN),
                rule(POST, "/cycles/{id}/exports", CYCLE, "Export one kind of a cycle's data (the form's kind) as a workbook, written in the background; recorded in the audit trail", ADMIN),
                rule(GET, "/exports/{id}", EXPORT, "An export's progress, and its file when ready", ADMIN),
                rule(GET, "/exports/{id}.xlsx", EXPORT, "An export's file (kept for a day); each download recorded in the audit trail", ADMIN),
                rule(GET, "/cycles/{id}/dip-sample", CYCLE, "A cycle's dip sample draws, and the form to draw one", ADMIN),
                rule(POST, "/cycles/{id}/dip-sample", CYCLE, "Draw a cycle's dip sample (a re-run needs a reason)", ADMIN),
                // the cycle's composite reports (ADR 0043): the board reads them as it reads the partnership's reports
                rule(GET, "/cycles/{id}/report", CYCLE, "A cycle's composite report: completion, compliance, outcomes and actions", ADMIN, VIEWER),
                rule(GET, "/cycles/{id}/report/anonymised", CYCLE, "A cycle's anonymised composite: no organisation named, small numbers suppressed",
                        ADMIN, VIEWER),
                rule(GET, "/cycles/{id}/report.xlsx", CYCLE, "A cycle's composite report as a workbook, a sheet per part (ADR 0049)", ADMIN, VIEWER),
                rule(GET, "/cycles/{id}/report/anonymised.xlsx", CYCLE, "A cycle's anonymised composite as a workbook: no organisation named, "
                        + "small numbers suppressed as on the page", ADMIN, VIEWER),
                rule(GET, "/cycles/{id}/report/returns", CYCLE, "The returns behind a figure of a cycle's report, by its filters, fifty a page",
                        ADMIN, VIEWER),
                // the partnership's reports (ADR 0045): every cycle's reports and the year-on-year comparison, read as the cycle reports are
                rule(GET, "/reports", NONE, "The partnership's reports: each cycle's composite and anonymised reports, and year on year", ADMIN, VIEWER),
                rule(GET, "/reports/year-on-year", NONE, "Two cycles of the same bank compared question by question, matched through lineage",
                        ADMIN, VIEWER),
                rule(GET, "/cycles/{id}/dip-sample/{runId}", DIP_SAMPLE, "A dip sample's record: method, seed, fingerprint, tickets, exclusions, picks", ADMIN),
                rule(POST, "/cycles/{id}/dip-sample/{runId}/verify", DIP_SAMPLE, "Recompute a dip sample and say whether it matches", ADMIN),
                rule(POST, "/cycles/{id}/dip-sample/{runId}/replace", DIP_SAMPLE, "Replace a picked school with the next ticket", ADMIN),
                rule(GET, "/cycles/{id}/dip-sample/{runId}/eligible.csv", DIP_SAMPLE, "A dip sample's eligible list with tickets, as CSV", ADMIN),

                // panels: scrutiny days and assurance panels, their members, cases and conflicts of interest
                rule(GET, "/panels", NONE, "The partnership's panels", ADMIN),
                rule(GET, "/panels/new", NONE, "Set up a panel", ADMIN),
                rule(POST, "/panels", NONE, "Set up a panel", ADMIN),
                rule(GET, "/panels/{id}", PANEL_OF, "A panel: its members and cases (a member sees only cases they may mark)", ADMIN, PANEL),
                rule(GET, "/panels/{id}/edit", PANEL_OF, "Change a panel's details", ADMIN),
                rule(POST, "/panels/{id}/edit", PANEL_OF, "Change a panel's details", ADMIN),
                rule(POST, "/panels/{id}/members", PANEL_OF, "Add a member to a panel, or invite one", ADMIN),
                rule(POST, "/panels/{id}/members/{memberId}/remove", PANEL_OF, "Take a member off a panel (not once they have marked)", ADMIN),
                rule(POST, "/panels/{id}/cases", PANEL_OF, "Put returns before a panel: from the panel list, every agency, or one by hand", ADMIN),
                rule(POST, "/panels/{id}/cases/{caseId}/remove", PANEL_CASE, "Take a case off a panel (not once marking has begun)", ADMIN),
                rule(GET, "/panels/{id}/cases/{caseId}", PANEL_CASE, "A case: the submission judged, its conflicts of interest", ADMIN, PANEL),
                rule(POST, "/panels/{id}/cases/{caseId}/declare", PANEL_CASE, "Declare an interest in a case", PANEL),
                rule(GET, "/panels/{id}/cases/{caseId}/challenges", PANEL_CASE, "A case's challenges: the panel's drafts, those released and their answers",
                        ADMIN, PANEL),
                rule(POST, "/panels/{id}/cases/{caseId}/challenges", PANEL_CASE, "Draft a challenge question or request for more evidence", ADMIN, PANEL),
                rule(POST, "/panels/{id}/cases/{caseId}/challenges/release", PANEL_CASE,
                        "Release a case's drafted challenges to the organisation with a due date (the moderator or an admin)", ADMIN, PANEL),
                rule(GET, "/panels/{id}/cases/{caseId}/challenges/{challengeId}", PANEL_CASE, "Change a draft challenge", ADMIN, PANEL),
                rule(POST, "/panels/{id}/cases/{caseId}/challenges/{challengeId}", PANEL_CASE, "Change a draft challenge", ADMIN, PANEL),
                rule(POST, "/panels/{id}/cases/{caseId}/challenges/{challengeId}/withdraw", PANEL_CASE, "Withdraw a draft challenge", ADMIN, PANEL),
                rule(GET, "/panels/{id}/cases/{caseId}/marks", PANEL_CASE, "A case's marks: a member's own (blind until theirs are in), then every submitted mark side by side", ADMIN, PANEL),
                rule(POST, "/panels/{id}/cases/{caseId}/marks", PANEL_CASE, "Save or submit a member's marks for a case", PANEL),
                rule(POST, "/panels/{id}/cases/{caseId}/conflicts", PANEL_CASE, "Record a conflict of interest the data does not show", ADMIN),
                rule(POST, "/panels/{id}/cases/{caseId}/conflicts/{conflictId}/clear", PANEL_CASE, "Clear a conflict of interest, with a reason",
                        ADMIN),
                // moderation and outcome letters (the moderator posts; admins read the moderation and send letters)
                rule(GET, "/panels/letter-template", NONE, "The partnership's outcome letter template", ADMIN),
                rule(POST, "/panels/letter-template", NONE, "Change the outcome letter template", ADMIN),
                rule(GET, "/panels/{id}/cases/{caseId}/moderation", PANEL_CASE, "A case's moderation (the moderator; admins read it)", ADMIN, PANEL),
                rule(POST, "/panels/{id}/cases/{caseId}/moderation", PANEL_CASE, "Save or confirm a case's moderation (the moderator)", ADMIN, PANEL),
                rule(GET, "/panels/{id}/cases/{caseId}/letter", PANEL_CASE, "A case's outcome letter (the moderator and admins)", ADMIN, PANEL),
                rule(POST, "/panels/{id}/cases/{caseId}/letter", PANEL_CASE, "Change a case's outcome letter before it is approved", ADMIN, PANEL),
                rule(GET, "/panels/{id}/cases/{caseId}/letter/print", PANEL_CASE, "A case's outcome letter, to print", ADMIN, PANEL),
                rule(GET, "/panels/{id}/cases/{caseId}/letter.docx", PANEL_CASE, "A case's outcome letter as a Word document", ADMIN, PANEL),
                rule(POST, "/panels/{id}/cases/{caseId}/letter/approve", PANEL_CASE, "Approve a case's outcome letter (the moderator or an admin)",
                        ADMIN, PANEL),
                rule(POST, "/panels/{id}/cases/{caseId}/letter/send", PANEL_CASE, "Send an approved outcome letter to the organisation", ADMIN),

                // returns
                rule(GET, "/returns/{id}", RETURN, "A return's task list (contributors see their sections)", ADMIN, LEAD, CONTRIBUTOR),
                rule(GET, "/returns/{id}/sections/{key}", SECTION, "A section of a return (admins read-only)", ADMIN, LEAD, CONTRIBUTOR),
                rule(POST, "/returns/{id}/sections/{key}", SECTION, "Save a section (an admin is told the return is read-only to them, 409)",
                        ADMIN, LEAD, CONTRIBUTOR),
                rule(POST, "/returns/{id}/sections/{key}/resolve", SECTION, "Choose between two people's answers", ADMIN, LEAD, CONTRIBUTOR),
                rule(GET, "/returns/{id}/sections/{key}/assign", SECTION, "Assign a section to a colleague", LEAD),
                rule(POST, "/returns/{id}/sections/{key}/assign", SECTION, "Assign a section to a colleague", LEAD),
                rule(GET, "/returns/{id}/check", RETURN, "Check answers and declare", LEAD),
                rule(POST, "/returns/{id}/submit", RETURN, "Submit a return", LEAD),
                rule(GET, "/returns/{id}/submitted", RETURN, "A submission's confirmation", ADMIN, LEAD),
                rule(GET, "/returns/{id}/return-for-changes", RETURN, "Return a submission for changes", ADMIN),
                rule(POST, "/returns/{id}/return-for-changes", RETURN, "Return a submission for changes", ADMIN),
                rule(GET, "/returns/{id}/print", RETURN, "The whole return, to print (the chair reads it here)", ADMIN, LEAD, CHAIR),
                // the return report (ADR 0044): the latest submission with the panel's moderated view; the board reads it among the reports
                rule(GET, "/returns/{id}/report", RETURN, "A return's report: the latest submission, the panel's agreed ratings and outcome, "
                        + "released challenges and actions", ADMIN, LEAD, CHAIR, VIEWER),
                rule(GET, "/returns/{id}/report/print", RETURN, "A return's report, to print", ADMIN, LEAD, CHAIR, VIEWER),
                rule(GET, "/returns/{id}/report.xlsx", RETURN, "A return's report as a workbook", ADMIN, LEAD, CHAIR, VIEWER),
                rule(GET, "/returns/{id}/submissions/{number}", RETURN, "A submission as it was submitted", ADMIN, LEAD, CHAIR),
                rule(GET, "/returns/{id}/history", RETURN, "Every change to a return", ADMIN, LEAD),
                rule(GET, "/returns/{id}/chasing", RETURN, "A return's reminders, escalation and responses", ADMIN, LEAD, CHAIR),
                rule(GET, "/returns/{id}/challenges", RETURN, "The panel's released challenges to the organisation and their answers",
                        ADMIN, LEAD, CHAIR),
                rule(GET, "/returns/{id}/challenges/{challengeId}", RETURN, "Answer a panel's challenge", LEAD),
                rule(POST, "/returns/{id}/challenges/{challengeId}", RETURN, "Answer a panel's challenge (or change the answer while allowed)", LEAD),
                rule(POST, "/returns/{id}/extension", RETURN, "Extend one organisation's deadline", ADMIN),
                rule(POST, "/returns/{id}/pause", RETURN, "Pause chasing a return", ADMIN),
                rule(POST, "/returns/{id}/pause/end", RETURN, "Resume chasing a return", ADMIN),
                rule(POST, "/returns/{id}/escalation-response", RETURN, "A chair's response to an escalation", CHAIR),
                rule(GET, "/returns/{id}/outcome", RETURN, "The panels' outcome letters sent for a return", ADMIN, LEAD, CHAIR),
                rule(GET, "/returns/{id}/outcome/{caseId}.docx", RETURN, "A sent outcome letter as a Word document", ADMIN, LEAD, CHAIR),

                // action plans (issue 13): a return's, an organisation's, and each action's moves
                rule(GET, "/returns/{id}/actions", RETURN, "A return's action plan: the answers needing an action, with their actions",
                        ADMIN, LEAD, CONTRIBUTOR, CHAIR),
                rule(POST, "/returns/{id}/actions", RETURN, "Write an action for an answer (contributors: in the sections assigned to them)",
                        LEAD, CONTRIBUTOR),
                rule(GET, "/organisations/{id}/actions", ORGANISATION, "An organisation's action plan across cycles", ADMIN, LEAD, CONTRIBUTOR, CHAIR),
                rule(GET, "/organisations/{id}/actions/new", ORGANISATION, "Add an action to an organisation, with a reason", ADMIN),
                rule(POST, "/organisations/{id}/actions/new", ORGANISATION, "Add an action to an organisation, with a reason", ADMIN),
                rule(GET, "/actions/{id}", ACTION, "An action: its updates, due-date requests and the forms the person may use",
                        ADMIN, LEAD, CONTRIBUTOR, CHAIR, PANEL),
                rule(POST, "/actions/{id}/progress", ACTION, "A dated progress update on an action", LEAD, CONTRIBUTOR),
                rule(POST, "/actions/{id}/done", ACTION, "Mark an action as done, with the evidence", LEAD, CONTRIBUTOR),
                rule(POST, "/actions/{id}/verify", ACTION, "Verify an action is done (never its owner)", ADMIN, PANEL),
                rule(POST, "/actions/{id}/send-back", ACTION, "Send an action back, not verified, with the reason", ADMIN, PANEL),
                rule(POST, "/actions/{id}/withdraw", ACTION, "Withdraw an action, with the reason", ADMIN, LEAD),
                rule(POST, "/actions/{id}/due-date", ACTION, "Ask for a new due date, with the reason", LEAD, CONTRIBUTOR),
                rule(POST, "/actions/{id}/due-date/{changeId}", ACTION, "Accept or refuse a new due date", ADMIN),
                rule(POST, "/actions/{id}/verifier", ACTION, "Name a panel member to verify an action", ADMIN),
                rule(POST, "/actions/{id}/proposal", ACTION, "Propose the owner and due date of a panel's proposed action", LEAD, CONTRIBUTOR),
                rule(POST, "/actions/{id}/accept", ACTION, "Accept an organisation's proposal for a panel's action", ADMIN),
                // the partnership's tracker (ADR 0040): the board reads it as it reads the partnership's reports
                rule(GET, "/actions", NONE, "The partnership's action tracker: every organisation's actions, filtered, counted and charted",
                        ADMIN, VIEWER),
                rule(GET, "/actions/tracker.xlsx", NONE, "The action tracker's actions as a spreadsheet, with the same filters", ADMIN, VIEWER),

                // emails and scheduled work
                rule(GET, "/outbox", NONE, "The partnership's emails", ADMIN),
                rule(GET, "/outbox/{id}", EMAIL, "One email", ADMIN),
                rule(GET, "/outbox/{id}/html", EMAIL, "One email's HTML part, sandboxed, for the frame on its page", ADMIN),
                rule(GET, "/jobs", NONE, "When the scheduled work last ran and what it did", ADMIN),
                // Registered only in local mode without a mail server, never in production: the developer stands in
                // for every recipient there (ADR 0020).
                rule(GET, "/dev/mail", NONE, "Local mode without a mail server only: invitations and password resets with their links",
                        ANYONE));
    }
}
