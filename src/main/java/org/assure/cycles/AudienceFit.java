package org.assure.cycles;

import org.assure.banks.BankModel;
import org.assure.kernel.FormErrors;
import org.assure.organisations.Organisation;
import org.assure.organisations.OrganisationKind;
import org.assure.organisations.SchoolCategory;
import org.assure.organisations.Sector;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether a cycle's audience fits its question bank: a Section 11 bank is for agencies, so no school may be
 * ticked, chosen or added, and the other way round. A bank's empty list means "any", as in the bank itself.
 */
final class AudienceFit {
    private AudienceFit() {
    }

    /** Whether an organisation may answer the bank at all: the one rule for the form, the add list and adding. */
    static boolean fits(BankModel.Audience bank, Organisation o) {
        return bank.includes(o);
    }

    /**
     * Adds an error for each ticked type the bank is not for. Unticked kinds mean every kind, which fits only a
     * bank for every kind. Categories only concern schools and sectors only agencies.
     */
    static void checkTypes(BankModel.Audience bank, List<String> kinds, List<String> categories, List<String> sectors,
                           FormErrors errors) {
        List<String> effectiveKinds = kinds.isEmpty() ? Arrays.stream(OrganisationKind.values()).map(Enum::name).toList() : kinds;
        if (!bank.kinds().isEmpty() && !bank.kinds().containsAll(effectiveKinds)) {
            errors.add("kinds", "This question bank version is for " + kindsOf(bank) + " only: tick only "
                    + (bank.kinds().size() == 1 ? "that kind" : "those kinds") + " of organisation");
            return;
        }
        boolean schools = effectiveKinds.contains(OrganisationKind.SCHOOL.name());
        boolean agencies = effectiveKinds.contains(OrganisationKind.AGENCY.name());
        List<String> wrongCategories = schools ? outside(bank.categories(), categories) : List.of();
        if (!wrongCategories.isEmpty()) {
            errors.add("categories", "This question bank version is not for " + labels(wrongCategories, c -> SchoolCategory.valueOf(c).label())
                    + ": untick " + (wrongCategories.size() == 1 ? "it" : "them"));
        }
        List<String> wrongSectors = agencies ? outside(bank.sectors(), sectors) : List.of();
        if (!wrongSectors.isEmpty()) {
            errors.add("sectors", "This question bank version is not for " + labels(wrongSectors, s -> Sector.valueOf(s).label())
                    + ": untick " + (wrongSectors.size() == 1 ? "it" : "them"));
        }
    }

    /** Adds an error naming the chosen organisations the bank is not for. */
    static void checkChosen(BankModel.Audience bank, List<Organisation> chosen, FormErrors errors) {
        List<String> wrong = chosen.stream().filter(o -> !fits(bank, o)).map(Organisation::name).toList();
        if (!wrong.isEmpty()) {
            errors.add("organisations", "This question bank version is for " + kindsOf(bank) + ", not for "
                    + String.join(", ", wrong) + ": untick " + (wrong.size() == 1 ? "it" : "them"));
        }
    }

    /** "agencies", "schools", or "agencies and schools": what a refusal tells the admin the bank is for. */
    static String kindsOf(BankModel.Audience bank) {
        if (bank.kinds().isEmpty()) {
            return "every kind of organisation";
        }
        return bank.kinds().stream().map(k -> k.equals(OrganisationKind.SCHOOL.name()) ? "schools and colleges"
                : k.equals(OrganisationKind.AGENCY.name()) ? "agencies" : k.toLowerCase()).collect(Collectors.joining(" and "));
    }

    private static List<String> outside(List<String> allowed, List<String> ticked) {
        return allowed.isEmpty() ? List.of() : ticked.stream().filter(t -> !allowed.contains(t)).toList();
    }

    private static String labels(List<String> names, Function<String, String> label) {
        return names.stream().map(label).collect(Collectors.joining(", "));
    }
}
