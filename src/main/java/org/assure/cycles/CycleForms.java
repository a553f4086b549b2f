package org.assure.cycles;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The cycle form: what was typed, kept as typed so a refused form comes back unchanged. */
public final class CycleForms {
    private CycleForms() {
    }

    /** Checkbox groups arrive as repeated fields, so they are lists; everything else is a string. */
    @Serdeable
    public record CycleForm(@Nullable @Size(max = 200, message = "Name must be 200 characters or fewer") String name,
                            @Nullable String bank,
                            @Nullable String audience,
                            @Nullable List<String> kinds,
                            @Nullable List<String> categories,
                            @Nullable List<String> sectors,
                            @Nullable List<String> organisations,
                            @Nullable String opensDay, @Nullable String opensMonth, @Nullable String opensYear,
                            @Nullable String deadlineDay, @Nullable String deadlineMonth, @Nullable String deadlineYear,
                            @Nullable String finalDay, @Nullable String finalMonth, @Nullable String finalYear,
                            @Nullable String panelDay, @Nullable String panelMonth, @Nullable String panelYear,
                            @Nullable String version,
                            @Nullable String shownBank,
                            @Nullable String pastDatesConfirmed) {

        /** A form without the page's own fields: what scripted set-up (demo data, tests) fills in. */
        public CycleForm(String name, String bank, String audience, List<String> kinds, List<String> categories,
                         List<String> sectors, List<String> organisations,
                         String opensDay, String opensMonth, String opensYear,
                         String deadlineDay, String deadlineMonth, String deadlineYear,
                         String finalDay, String finalMonth, String finalYear,
                         String panelDay, String panelMonth, String panelYear, String version) {
            this(name, bank, audience, kinds, categories, sectors, organisations, opensDay, opensMonth, opensYear,
                    deadlineDay, deadlineMonth, deadlineYear, finalDay, finalMonth, finalYear, panelDay, panelMonth, panelYear,
                    version, null, null);
        }

        /**
         * Whether the bank was changed on the page since its audience boxes were ticked for the bank shown then
         * ({@code shownBank}): the ticks belong to the old bank and must not be saved for the new one.
         */
        public boolean bankChangedOnPage() {
            return shownBank != null && !shownBank.isBlank() && !shownBank.equals(bank);
        }

        public boolean pastDatesAccepted() {
            return "true".equals(pastDatesConfirmed);
        }

        /**
         * The same form with the type boxes ticked for the given bank's own audience, keeping only the chosen
         * organisations that bank is for: what a changed bank re-shows.
         */
        CycleForm withAudienceOf(String bankValue, org.assure.banks.BankModel.Audience a, List<String> fittingOrganisations) {
            return new CycleForm(name, bank, audience, a.kinds(), a.categories(), a.sectors(), fittingOrganisations, opensDay, opensMonth, opensYear,
                    deadlineDay, deadlineMonth, deadlineYear, finalDay, finalMonth, finalYear, panelDay, panelMonth, panelYear,
                    version, bankValue, pastDatesConfirmed);
        }

        /** The same form, its past dates accepted: scripted set-up means the dates it gives. */
        CycleForm acceptingPastDates() {
            return new CycleForm(name, bank, audience, kinds, categories, sectors, organisations, opensDay, opensMonth, opensYear,
                    deadlineDay, deadlineMonth, deadlineYear, finalDay, finalMonth, finalYear, panelDay, panelMonth, panelYear,
                    version, shownBank, "true");
        }

        public List<String> kindList() {
            return kinds == null ? List.of() : kinds;
        }

        public List<String> categoryList() {
            return categories == null ? List.of() : categories;
        }

        public List<String> sectorList() {
            return sectors == null ? List.of() : sectors;
        }

        public List<String> organisationList() {
            return organisations == null ? List.of() : organisations;
        }

        static CycleForm of(AuditCycle c, List<Long> chosen) {
            return new CycleForm(c.name(), c.bankKey() + "/" + c.bankVersion(), c.audienceMode().name(), c.kinds(), c.categories(),
                    c.sectors(), chosen.stream().map(String::valueOf).toList(),
                    day(c.opensOn()), month(c.opensOn()), year(c.opensOn()),
                    day(c.deadline()), month(c.deadline()), year(c.deadline()),
                    day(c.finalDeadline()), month(c.finalDeadline()), year(c.finalDeadline()),
                    day(c.panelDate()), month(c.panelDate()), year(c.panelDate()), String.valueOf(c.version()),
                    c.bankKey() + "/" + c.bankVersion(), null);
        }

        private static String day(@Nullable LocalDate d) {
            return d == null ? "" : String.valueOf(d.getDayOfMonth());
        }

        private static String month(@Nullable LocalDate d) {
            return d == null ? "" : String.valueOf(d.getMonthValue());
        }

        private static String year(@Nullable LocalDate d) {
            return d == null ? "" : String.valueOf(d.getYear());
        }
    }


}
