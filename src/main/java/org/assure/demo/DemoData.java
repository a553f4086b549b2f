package org.assure.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.accounts.AccountService;
import org.assure.access.CurrentUser;
import org.assure.access.Role;
import org.assure.access.Roles;
import org.assure.cycles.CycleForms;
import org.assure.cycles.CycleService;
import org.assure.organisations.ContactRole;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationDetails;
import org.assure.organisations.OrganisationDetails.Contact;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.OrganisationService;
import org.assure.organisations.Phase;
import org.assure.organisations.SchoolCategory;
import org.assure.organisations.Sector;
import org.assure.chasing.Chasing;
import org.assure.sampling.DipSampling;
import org.assure.panels.DemoPanels;
import org.assure.actions.DemoActions;
import org.assure.partnerships.OfficerForms;
import org.assure.partnerships.PartnershipOfficers;
import org.assure.partnerships.PartnershipService;
import org.assure.kernel.DateInput;
import org.assure.returns.AnswerInput;
import org.assure.returns.Delegation;
import org.assure.returns.ReturnService;
import org.assure.returns.SectionForm;
import org.assure.returns.SectionPages;
import org.assure.returns.SectionSaving;
import org.assure.returns.Submissions;
import org.assure.kernel.FormErrors;
import org.assure.kernel.AssureSettings;
import org.assure.kernel.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Local mode's demo partnership: agencies of every sector, schools of every phase and category, one
 * account per role, and Section 11 and Section 175/157 cycles with returns in every state (the demo DSL's
 * under way, the demo agency lead's not started with answers carried forward, others submitted or returned
 * for changes), and the partnership's named officers. Seeded once (a restart adds nothing); every name is invented.
 */
@Singleton
@Requires(property = "assure.seed-demo-data", value = "true")
public class DemoData {
    public static final String PARTNERSHIP = "Northbridge Safeguarding Children Partnership";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final PartnershipService partnerships;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final AssureSettings settings;
    private final CycleService cycles;
    private final ReturnService returns;
    private final SectionPages pages;
    private final SectionSaving saving;
    private final Submissions submissions;
    private final Delegation delegation;
    private final PartnershipOfficers officers;
    private final Chasing chasing;
    private final DipSampling dipSampling;
    private final WholeReturns wholeReturns;
    private final org.assure.panels.DemoPanels demoPanels;
    private final DemoActions demoActions;
    /** While seeding one weak return: every n-th rating question (by key) is answered Red; 0 for none. */
    private int redEvery;
    private final String configuredPassword;

    DemoData(PartnershipService partnerships, OrganisationService organisations, AccountService accounts,
             AssureSettings settings, CycleService cycles, ReturnService returns, SectionPages pages, SectionSaving saving,
             Submissions submissions, Delegation delegation, PartnershipOfficers officers, Chasing chasing, DipSampling dipSampling,
             WholeReturns wholeReturns, org.assure.panels.DemoPanels demoPanels, DemoActions demoActions, @Value("${assure.demo-password:}") String configuredPassword) {
        this.submissions = submissions;
        this.delegation = delegation;
        this.officers = officers;
        this.chasing = chasing;
        this.dipSampling = dipSampling;
        this.wholeReturns = wholeReturns;
        this.demoPanels = demoPanels;
        this.demoActions = demoActions;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.accounts = accounts;
        this.cycles = cycles;
        this.returns = returns;
        this.pages = pages;
        this.saving = saving;
        this.settings = settings;
        this.configuredPassword = configuredPassword;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        boolean seeded = seedIfMissing();
        String password = demoPassword();
        LOG.info("""
                {} demo partnership '{}'. Sign in at {}/sign-in as admin@example.org, agency.lead@example.org, \
                dsl@example.org, contributor@example.org, panel@example.org, chair@example.org or viewer@example.org \
                with the password: {}""",
                seeded ? "Seeded the" : "Local mode with the", PARTNERSHIP, settings.baseUrl(),
                configuredPassword.isBlank() ? password : "(the value of ASSURE_DEMO_PASSWORD)");
    }

    @Transactional
    boolean seedIfMissing() {
        if (partnerships.findByName(PARTNERSHIP).isPresent()) {
            return false;
        }
        long partnershipId = partnerships.create(PARTNERSHIP).id();
        Organisation council = agency(partnershipId, "Northbridge City Council", Sector.LOCAL_AUTHORITY, null, "Priya Shah", "Cllr Janet Rowe");
        for (String department : List.of("Children's Services", "Adult Social Care", "Public Health", "Housing and Neighbourhoods")) {
            agency(partnershipId, "Northbridge City Council – " + department, Sector.LOCAL_AUTHORITY, council.id(), null, null);
        }
        Organisation police = agency(partnershipId, "Northbridge Constabulary", Sector.POLICE, null, "Det Supt Mark Ellison", "Ch Supt Ruth Adebayo");
        agency(partnershipId, "Northbridge Teaching Hospitals NHS Foundation Trust", Sector.NHS_TRUST, null, "Helen Okafor", "Dr Simon Fairley");
        agency(partnershipId, "Northbridge Community and Mental Health NHS Trust", Sector.NHS_TRUST, null, "Gareth Lloyd", "Angela Marsh");
        agency(partnershipId, "Northbridge and Westvale Integrated Care Board", Sector.INTEGRATED_CARE_BOARD, null, "Dr Amira Haddad", "Karen Oduya");
        agency(partnershipId, "Probation Service – Northbridge delivery unit", Sector.PROBATION, null, "Tom Brennan", "Neil Cartwright");
        agency(partnershipId, "Northbridge Youth Justice Service", Sector.YOUTH_JUSTICE, null, "Joanne Pike", "Marcus Bell");
        agency(partnershipId, "Northbridge Fire and Rescue Service", Sector.FIRE_AND_RESCUE, null, "Station Manager Lee Carter", "Group Manager Alison Trent");
        agency(partnershipId, "Westvale District Council", Sector.DISTRICT_COUNCIL, null, "Sandra Morris", "Peter Lowry");
        agency(partnershipId, "Brightpath Children's Charity", Sector.VOLUNTARY, null, "Femi Adeyemi", "Grace Mensah");
        Organisation housing = agency(partnershipId, "Northbridge Homes Housing Association", Sector.HOUSING, null, "Claire Whitfield", null);

        List<Organisation> schools = new ArrayList<>();
        int urn = 990101;
        for (School s : SCHOOLS) {
            schools.add(organisations.create(partnershipId, null, new OrganisationDetails(OrganisationKind.SCHOOL, s.name(), null,
                    s.phase(), s.category(), String.valueOf(urn++), s.trust(), "Northbridge", s.postcode(), s.boarding(),
                    s.earlyYears(), null, schoolContacts(s.name(), schools.size()))));
        }
        Organisation demoSchool = schools.get(0);

        String password = demoPassword();
        long adminId = accounts.createActive(partnershipId, "Alex Morgan", "admin@example.org", password, List.of(Role.PARTNERSHIP_ADMIN), List.of());
        long agencyLeadId = accounts.createActive(partnershipId, "Sam Patel", "agency.lead@example.org", password, List.of(Role.ORGANISATION_LEAD), List.of(police.id()));
        long dslId = accounts.createActive(partnershipId, "Jo Whitaker", "dsl@example.org", password, List.of(Role.ORGANISATION_LEAD), List.of(demoSchool.id()));
        long contributorId = accounts.createActive(partnershipId, "Chris Doyle", "contributor@example.org", password, List.of(Role.CONTRIBUTOR), List.of(police.id()));
        long ritaId = accounts.createActive(partnershipId, "Rita Osei", "panel@example.org", password, List.of(Role.PANEL_MEMBER), List.of());
        accounts.createActive(partnershipId, "Martin Hale", "chair@example.org", password, List.of(Role.ESCALATION_CONTACT), List.of(demoSchool.id()));
        accounts.createActive(partnershipId, "Deborah King", "viewer@example.org", password, List.of(Role.BOARD_VIEWER), List.of());

        // Cycles with returns in every state, so every demo account has real work to look at.
        CurrentUser admin = new CurrentUser(adminId, partnershipId, PARTNERSHIP, "admin@example.org", "Alex Morgan",
                Set.of(Roles.ADMIN), Set.of());
        seedOfficers(admin);
        LocalDate today = cycles.today();
        Organisation probation = organisations.active(partnershipId).stream().filter(o -> o.sector() == Sector.PROBATION).findFirst().orElseThrow();
        CurrentUser policeLead = lead(agencyLeadId, partnershipId, "agency.lead@example.org", "Sam Patel", police);
        CurrentUser probationLead = lead(accounts.createActive(partnershipId, "Tom Brennan", "tom.brennan@probation.example.org", password,
                List.of(Role.ORGANISATION_LEAD), List.of(probation.id())), partnershipId, "tom.brennan@probation.example.org", "Tom Brennan", probation);

        // An earlier round on the 2018 questions, submitted and closed: the 2023 round carries those answers forward.
        long earlier = cycles.createAndOpen(admin, cycleForm("Section 11 audit – earlier round (2018 questions)", "section-11/2018",
                "AGENCY", today.minusWeeks(10), today, null));
        submitWhole(policeLead, cycles.returnOf(earlier, police.id()).orElseThrow(), "Det Supt Mark Ellison", "Head of public protection");
        submitWhole(probationLead, cycles.returnOf(earlier, probation.id()).orElseThrow(), "Tom Brennan", "Head of the delivery unit");
        cycles.close(admin, earlier);

        // due in 28 days: today's run sends the first reminders
        long agencies = cycles.createAndOpen(admin, cycleForm("Section 11 audit " + today.getYear(), "section-11/2023", "AGENCY",
                today.minusWeeks(3), today.plusDays(28), today.plusWeeks(10)));
        // The force's return: not started, answers carried forward to check, one section shared with a colleague.
        long policeReturn = cycles.returnOf(agencies, police.id()).orElseThrow();
        String shared = returns.load(policeLead, policeReturn).applicableSections().get(1).key();
        delegation.assign(policeLead, policeReturn, shared, new Delegation.AssignForm(String.valueOf(contributorId), "", ""), FormErrors.none());
        submitWhole(probationLead, cycles.returnOf(agencies, probation.id()).orElseThrow(), "Tom Brennan", "Head of the delivery unit");

        // Two more schools: one submitted, one the partnership sent back for changes. Their DSLs have accounts before
        // the cycle opens, so opening reaches them as leads (other schools' DSLs are invited to be their leads).
        Organisation submitted = schools.get(1);
        Organisation returned = schools.get(2);
        CurrentUser submittedLead = lead(accounts.createActive(partnershipId, "Priya Nair", "dsl@" + domainOf(submitted) + ".example.org", password,
                List.of(Role.ORGANISATION_LEAD), List.of(submitted.id())), partnershipId, "dsl@" + domainOf(submitted) + ".example.org", "Priya Nair", submitted);
        CurrentUser returnedLead = lead(accounts.createActive(partnershipId, "Owen Hughes", "dsl@" + domainOf(returned) + ".example.org", password,
                List.of(Role.ORGANISATION_LEAD), List.of(returned.id())), partnershipId, "dsl@" + domainOf(returned) + ".example.org", "Owen Hughes", returned);
        // Last year's round on KCSIE 2025, submitted and closed: this year's round on KCSIE 2026 carries those answers
        // forward through the questions' lineage (split questions each start from the answer they came from).
        CurrentUser demoDsl = lead(dslId, partnershipId, "dsl@example.org", "Jo Whitaker", demoSchool);
        long lastYear = cycles.createAndOpen(admin, cycleForm("Section 175/157 audit " + (today.getYear() - 1) + "–" + (today.getYear() - 2000)
                + " (KCSIE 2025)", "section-175/2025", "SCHOOL", today.minusWeeks(10), today, null));
        submitWhole(demoDsl, cycles.returnOf(lastYear, demoSchool.id()).orElseThrow(), "Jo Whitaker", "Designated safeguarding lead");
        submitWhole(submittedLead, cycles.returnOf(lastYear, submitted.id()).orElseThrow(), "Priya Nair", "Designated safeguarding lead");
        submitWhole(returnedLead, cycles.returnOf(lastYear, returned.id()).orElseThrow(), "Owen Hughes", "Designated safeguarding lead");
        cycles.close(admin, lastYear);

        // past its deadline by 8 days (the final deadline is 6 weeks away): the schools not in have reached step 2
        long schoolsCycle = cycles.createAndOpen(admin, cycleForm("Section 175/157 audit " + today.getYear() + "–" + (today.getYear() + 1 - 2000),
                "section-175/2026", "SCHOOL", today.minusWeeks(10), today.minusDays(8), today.plusWeeks(6)));
        startRiversideReturn(demoDsl, schoolsCycle, demoSchool.id());
        submitWhole(submittedLead, cycles.returnOf(schoolsCycle, submitted.id()).orElseThrow(), "Priya Nair", "Designated safeguarding lead");
        long returnedId = cycles.returnOf(schoolsCycle, returned.id()).orElseThrow();
        submitWhole(returnedLead, returnedId, "Owen Hughes", "Designated safeguarding lead");
        submissions.returnForChanges(admin, returnedId, new Submissions.ReturnForm(
                "Online safety: the filtering and monitoring answers need evidence of the termly checks, not only the policy."), FormErrors.none());

        // Chasing in every state: an extension, a pause, a non-compliant submission, then today's reminders and steps
        LocalDate extendedTo = today.plusDays(14);
        chasing.extend(admin, returnedId, new Chasing.ExtensionForm(day(extendedTo), month(extendedTo), year(extendedTo),
                "Changes asked for by the partnership; the DSL is back from leave next week"));
        Organisation pausedSchool = schools.get(5);
        chasing.pause(admin, cycles.returnOf(schoolsCycle, pausedSchool.id()).orElseThrow(),
                new Chasing.PauseForm(null, null, null, "Headteacher on long-term sick leave; the interim head starts next month"));
        Organisation weak = schools.get(4);
        CurrentUser weakLead = lead(accounts.createActive(partnershipId, "Nadia Farouk", "dsl@" + domainOf(weak) + ".example.org", password,
                List.of(Role.ORGANISATION_LEAD), List.of(weak.id())), partnershipId, "dsl@" + domainOf(weak) + ".example.org", "Nadia Farouk", weak);
        redEvery = 6; // more Red answers than the threshold of 3: raised with the safeguarding executive on submission
        submitWhole(weakLead, cycles.returnOf(schoolsCycle, weak.id()).orElseThrow(), "Nadia Farouk", "Designated safeguarding lead");
        redEvery = 0;
        chasing.sendNow(admin, schoolsCycle);
        chasing.sendNow(admin, agencies);

        // this year's dip sample of the schools, stratified by phase, from a typed seed (a lottery draw's numbers)
        var drawn = dipSampling.run(admin, schoolsCycle, new DipSampling.RunForm("5", null, "3", "true", "PHASE", "TYPED",
                "7 12 19 33 41 58", null));
        if (!drawn.isValid()) {
            throw new IllegalStateException("The demo dip sample could not be drawn: " + drawn.errors());
        }

        // Panels: four more schools submit, so the schools' panel has cases in every state; the agencies' scrutiny day
        Map<Organisation, Long> panelReturns = new LinkedHashMap<>();
        for (Organisation school : List.of(schools.get(3), schools.get(7), schools.get(9), schools.get(21))) {
            String email = "dsl@" + domainOf(school) + ".example.org";
            CurrentUser schoolLead = lead(accounts.createActive(partnershipId, "DSL of " + school.name(), email, password, List.of(Role.ORGANISATION_LEAD),
                    List.of(school.id())), partnershipId, email, "DSL of " + school.name(), school);
            long returnId = cycles.returnOf(schoolsCycle, school.id()).orElseThrow();
            submitWhole(schoolLead, returnId, "DSL of " + school.name(), "Designated safeguarding lead");
            panelReturns.put(school, returnId);
        }
        var panelPeople = new DemoPanels.People(
                DemoPanels.panelPerson(accounts.createActive(partnershipId, "Dr Helen Price", "helen.price@partnership.example.org", password,
                        List.of(Role.PANEL_MEMBER), List.of()), partnershipId, PARTNERSHIP, "helen.price@partnership.example.org", "Dr Helen Price"),
                DemoPanels.panelPerson(ritaId, partnershipId, PARTNERSHIP, "panel@example.org", "Rita Osei"),
                DemoPanels.panelPerson(accounts.createActive(partnershipId, "Ian Walsh", "ian.walsh@partnership.example.org", password,
                        List.of(Role.PANEL_MEMBER), List.of()), partnershipId, PARTNERSHIP, "ian.walsh@partnership.example.org", "Ian Walsh"),
                DemoPanels.panelPerson(accounts.createActive(partnershipId, "Sgt Dan Moore", "dan.moore@police.example.org", password,
                        List.of(Role.PANEL_MEMBER), List.of()), partnershipId, PARTNERSHIP, "dan.moore@police.example.org", "Sgt Dan Moore"),
                DemoPanels.panelPerson(accounts.createActive(partnershipId, "Sarah Lin", "sarah.lin@northbridge-academy.example.org", password,
                        List.of(Role.PANEL_MEMBER), List.of()), partnershipId, PARTNERSHIP, "sarah.lin@northbridge-academy.example.org", "Sarah Lin"),
                police.id(), schools.get(8).id());
        List<Long> heard = List.copyOf(panelReturns.values());
        demoPanels.seed(admin, panelPeople, schoolsCycle, new DemoPanels.SchoolCases(cycles.returnOf(schoolsCycle, submitted.id()).orElseThrow(),
                        heard.get(0), cycles.returnOf(schoolsCycle, weak.id()).orElseThrow(), heard.get(1), heard.get(2), heard.get(3),
                        cycles.returnOf(schoolsCycle, schools.get(12).id()).orElseThrow()),
                agencies, cycles.returnOf(agencies, probation.id()).orElseThrow());

        // Action plans in every state on the actions the submitted returns were given (the earlier rounds' carry forward)
        demoActions.seed(new DemoActions.Seeds(admin, policeLead, cycles.returnOf(earlier, police.id()).orElseThrow(), probationLead,
                cycles.returnOf(earlier, probation.id()).orElseThrow(), submittedLead, cycles.returnOf(schoolsCycle, submitted.id()).orElseThrow(),
                demoDsl, cycles.returnOf(lastYear, demoSchool.id()).orElseThrow(), housing.id()));
        return true;
    }

    private static CurrentUser lead(long accountId, long partnershipId, String email, String name, Organisation organisation) {
        return new CurrentUser(accountId, partnershipId, PARTNERSHIP, email, name, Set.of(Roles.LEAD), Set.of(organisation.id()));
    }

    private static String domainOf(Organisation o) {
        return o.name().toLowerCase().replaceAll("[^a-z]+", "-").replaceAll("(^-|-$)", "");
    }

    private void submitWhole(CurrentUser lead, long returnId, String name, String role) {
        wholeReturns.submit(lead, returnId, name, role, redEvery);
    }

    private AnswerInput typicalAnswer(org.assure.banks.BankModel.Question q, int version, String evidence) {
        return WholeReturns.typicalAnswer(q, version, evidence, redEvery, cycles.today());
    }

    private static CycleForms.CycleForm cycleForm(String name, String bank, String kind, LocalDate opens, LocalDate deadline,
                                                  LocalDate finalDeadline) {
        return new CycleForms.CycleForm(name, bank, "TYPES", List.of(kind), List.of(), List.of(), List.of(),
                day(opens), month(opens), year(opens), day(deadline), month(deadline), year(deadline),
                finalDeadline == null ? null : day(finalDeadline), finalDeadline == null ? null : month(finalDeadline),
                finalDeadline == null ? null : year(finalDeadline), null, null, null, null);
    }

    /** The demo DSL's return: the first section complete, the second begun, the rest not started. */
    private void startRiversideReturn(CurrentUser dsl, long cycleId, long schoolId) {
        long returnId = cycles.returnOf(cycleId, schoolId).orElseThrow();
        var sections = returns.load(dsl, returnId).applicableSections();
        Map<String, AnswerInput> first = new HashMap<>();
        for (var view : pages.section(dsl, returnId, sections.get(0).key()).questions()) {
            first.put(view.question().key(), typicalAnswer(view.question(), view.entry().version(),
                    "Minutes of the governing board, spring term; annual safeguarding report to governors."));
        }
        if (!saving.save(dsl, returnId, sections.get(0).key(), new SectionForm(first, true, SectionForm.Next.LATER)).errors().isEmpty()) {
            throw new IllegalStateException("The demo DSL's first section could not be completed");
        }
        var second = pages.section(dsl, returnId, sections.get(1).key()).questions().get(0);
        saving.save(dsl, returnId, sections.get(1).key(), new SectionForm(Map.of(second.question().key(),
                WholeReturns.answer("GREEN", List.of(), "", DateInput.of(null), second.entry().version())), false, SectionForm.Next.LATER));
    }

    private static String day(LocalDate d) {
        return String.valueOf(d.getDayOfMonth());
    }

    private static String month(LocalDate d) {
        return String.valueOf(d.getMonthValue());
    }

    private static String year(LocalDate d) {
        return String.valueOf(d.getYear());
    }

    /**
     * An agency with its safeguarding lead and its member of the partnership board, where given. The housing
     * association has no board member on purpose: the agency ladder's board step has nobody to write to there.
     */
    private Organisation agency(long partnershipId, String name, Sector sector, Long parentId, String leadName, String boardMember) {
        List<Contact> contacts = new ArrayList<>();
        if (leadName != null) {
            contacts.add(new Contact(ContactRole.LEAD, leadName, emailFor(leadName, name), null));
        }
        if (boardMember != null) {
            contacts.add(new Contact(ContactRole.BOARD_MEMBER, boardMember, emailFor(boardMember, name), null));
        }
        return organisations.create(partnershipId, null, OrganisationDetails.agency(name, sector, parentId, contacts));
    }

    /** The partnership's named officers, whom the escalation ladders' later steps write to. */
    private void seedOfficers(CurrentUser admin) {
        List<String[]> people = List.of(
                new String[] {"SAFEGUARDING_EXECUTIVE", "Margaret Doherty", "margaret.doherty@northbridgecouncil.example.org"},
                new String[] {"SAFEGUARDING_EXECUTIVE", "ACC David Lomax", "david.lomax@northbridgepolice.example.org"},
                new String[] {"INDEPENDENT_SCRUTINEER", "Dr Philip Ansell", "philip.ansell@scrutiny.example.org"},
                new String[] {"ASSISTANT_DIRECTOR_EDUCATION", "Hannah Greaves", "hannah.greaves@northbridgecouncil.example.org"},
                new String[] {"BUSINESS_MANAGER", "Lucy Barnard", "lucy.barnard@northbridgescp.example.org"});
        for (String[] p : people) {
            var added = officers.add(admin, new OfficerForms.OfficerForm(p[0], p[1], p[2], "0"), FormErrors.none());
            if (!added.isValid()) {
                throw new IllegalStateException("Demo officer " + p[1] + " refused: " + added.errors().getAll());
            }
        }
    }

    /**
     * A head, a DSL and a chair of governors for each school: the demo school's chair is the demo chair account
     * (so chair@example.org receives its escalation), and one school has no chair, so the chasing page warns.
     */
    private static List<Contact> schoolContacts(String school, int index) {
        int n = Math.abs(school.hashCode());
        String head = FIRST[n % FIRST.length] + " " + LAST[(n / 7) % LAST.length];
        String dsl = FIRST[(n / 3) % FIRST.length] + " " + LAST[(n / 11) % LAST.length];
        String chair = FIRST[(n / 5) % FIRST.length] + " " + LAST[(n / 13) % LAST.length];
        List<Contact> contacts = new ArrayList<>(List.of(new Contact(ContactRole.HEADTEACHER, head, emailFor(head, school), null),
                new Contact(ContactRole.DSL, dsl, emailFor(dsl, school), null)));
        if (index == 0) {
            contacts.add(new Contact(ContactRole.CHAIR_OF_GOVERNORS, "Martin Hale", "chair@example.org", null));
        } else if (index != NO_CHAIR) {
            contacts.add(new Contact(ContactRole.CHAIR_OF_GOVERNORS, chair, emailFor(chair, school), null));
        }
        return contacts;
    }

    /** The school (by its place in SCHOOLS) recorded without a chair of governors. */
    private static final int NO_CHAIR = 3;

    private static String emailFor(String person, String organisation) {
        String local = person.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").strip().replace(' ', '.');
        String domain = organisation.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return local + "@" + domain.substring(0, Math.min(domain.length(), 20)) + ".example.org";
    }

    /** ASSURE_DEMO_PASSWORD, or a random one generated once and kept in the data directory. */
    private String demoPassword() {
        if (!configuredPassword.isBlank()) {
            return configuredPassword;
        }
        Path file = Path.of(settings.dataDir(), "demo-password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, SigningKey.randomToken().substring(0, 16), StandardCharsets.UTF_8);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record School(String name, Phase phase, SchoolCategory category, String trust, String postcode,
                          boolean boarding, boolean earlyYears) {
    }

    private static final String[] FIRST = {"Amelia", "Daniel", "Grace", "Imran", "Laura", "Owen", "Nadia", "Peter", "Ruth", "Yusuf", "Hannah", "Liam"};
    private static final String[] LAST = {"Barker", "Chen", "Evans", "Fitzgerald", "Gill", "Hughes", "Kowalski", "Mensah", "Norris", "Quinn", "Rahman", "Sutton", "Tran"};

    private static final List<School> SCHOOLS = List.of(
            new School("Riverside Primary School", Phase.PRIMARY, SchoolCategory.MAINTAINED, null, "NB1 2AA", false, true),
            new School("St Anne's CofE Primary School", Phase.PRIMARY, SchoolCategory.MAINTAINED, null, "NB1 4DF", false, true),
            new School("Hollins Park Primary Academy", Phase.PRIMARY, SchoolCategory.ACADEMY, "Northbridge Learning Trust", "NB2 7HQ", false, true),
            new School("Meadowbank Infant School", Phase.PRIMARY, SchoolCategory.MAINTAINED, null, "NB3 1LP", false, true),
            new School("Canal Side Junior School", Phase.PRIMARY, SchoolCategory.MAINTAINED, null, "NB3 5RT", false, false),
            new School("Oakfield Free School", Phase.PRIMARY, SchoolCategory.ACADEMY, "Horizon Schools Partnership", "NB4 2WE", false, false),
            new School("St Joseph's Catholic Primary School", Phase.PRIMARY, SchoolCategory.ACADEMY, "Our Lady of Mercy Catholic Academy Trust", "NB4 8YU", false, true),
            new School("Westvale Middle School", Phase.MIDDLE, SchoolCategory.MAINTAINED, null, "WV1 3GH", false, false),
            new School("Northbridge Academy", Phase.SECONDARY, SchoolCategory.ACADEMY, "Northbridge Learning Trust", "NB1 9ZZ", false, false),
            new School("Kingsmead High School", Phase.SECONDARY, SchoolCategory.MAINTAINED, null, "NB2 3JK", false, false),
            new School("Harbour View Community College", Phase.SECONDARY, SchoolCategory.ACADEMY, "Horizon Schools Partnership", "NB5 6MN", false, false),
            new School("St Aidan's Catholic High School", Phase.SECONDARY, SchoolCategory.ACADEMY, "Our Lady of Mercy Catholic Academy Trust", "NB5 1PL", false, false),
            new School("Fernhill All-Through School", Phase.ALL_THROUGH, SchoolCategory.ACADEMY, "Northbridge Learning Trust", "NB6 2CV", false, true),
            new School("Greystone College (independent)", Phase.ALL_THROUGH, SchoolCategory.INDEPENDENT, null, "WV2 8BN", true, false),
            new School("Lanterns Montessori School", Phase.PRIMARY, SchoolCategory.INDEPENDENT, null, "NB7 4AS", false, true),
            new School("Brook House School", Phase.NOT_APPLICABLE, SchoolCategory.SPECIAL, null, "NB3 9QW", true, false),
            new School("Elm Tree Special Academy", Phase.NOT_APPLICABLE, SchoolCategory.ACADEMY, "Horizon Schools Partnership", "NB6 5TY", false, true),
            new School("Northbridge Pupil Referral Unit", Phase.NOT_APPLICABLE, SchoolCategory.PRU, null, "NB2 1ER", false, false),
            new School("Little Acorns Nursery School", Phase.NURSERY, SchoolCategory.MAINTAINED, null, "NB4 6UI", false, true),
            new School("Northbridge College", Phase.SIXTEEN_PLUS, SchoolCategory.FE_COLLEGE, null, "NB1 5OP", false, false),
            new School("Westvale Sixth Form Centre", Phase.SIXTEEN_PLUS, SchoolCategory.ACADEMY, "Northbridge Learning Trust", "WV1 7KL", false, false),
            new School("Thornbury Park School", Phase.SECONDARY, SchoolCategory.MAINTAINED, null, "WV3 2MN", false, false));
}
