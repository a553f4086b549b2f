package org.assure.panels;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often a panel's markers agree (issue 12, ADR 0034), over every pair of markers who both submitted a rating for
 * the same item: the share of pairs that gave the same rating, and Cohen's kappa on the pooled pairs, which discounts
 * the agreement two markers would reach by chance given how often each rating is used. Pure, so it can be checked by
 * hand.
 */
public final class Agreement {
    private Agreement() {
    }

    /**
     * The figures over some pairs. kappa is null when it is undefined: no pairs, or every rating in every pair the
     * same one (chance agreement is then certain, and kappa divides by zero).
     */
    public record Figures(int pairs, int agreed, @Nullable Double exact, @Nullable Double kappa, int items, int disagreements) {
        public boolean any() {
            return pairs > 0;
        }

        public String exactText() {
            return exact == null ? "not enough marks" : String.format(Locale.UK, "%.0f%%", exact * 100);
        }

        public String kappaText() {
            return kappa == null ? "not enough marks" : String.format(Locale.UK, "%.2f", kappa);
        }

        /** The bar's width, 0 to 100, for the chart beside the numbers. */
        public int exactPercent() {
            return exact == null ? 0 : (int) Math.round(exact * 100);
        }

        /** Cohen's rough bands, so a number comes with words. */
        public String kappaWords() {
            if (kappa == null) {
                return "not enough marks";
            }
            double k = kappa;
            if (k <= 0) {
                return "no better than chance";
            }
            return k <= 0.20 ? "slight" : k <= 0.40 ? "fair" : k <= 0.60 ? "moderate" : k <= 0.80 ? "substantial" : "almost perfect";
        }
    }

    /**
     * The figures over items, each item given as the submitted ratings of its markers (marker → rating code). An item
     * with fewer than two ratings makes no pair. An item is a disagreement when its ratings are not all the same.
     */
    public static Figures of(Collection<Map<Long, String>> items) {
        int pairs = 0;
        int agreed = 0;
        int used = 0;
        int disagreements = 0;
        Map<String, Integer> marginal = new TreeMap<>();
        for (Map<Long, String> item : items) {
            List<String> ratings = new ArrayList<>(item.values());
            if (ratings.size() < 2) {
                continue;
            }
            used++;
            if (ratings.stream().distinct().count() > 1) {
                disagreements++;
            }
            for (int i = 0; i < ratings.size(); i++) {
                for (int j = i + 1; j < ratings.size(); j++) {
                    pairs++;
                    if (ratings.get(i).equals(ratings.get(j))) {
                        agreed++;
                    }
                    marginal.merge(ratings.get(i), 1, Integer::sum);
                    marginal.merge(ratings.get(j), 1, Integer::sum);
                }
            }
        }
        if (pairs == 0) {
            return new Figures(0, 0, null, null, used, disagreements);
        }
        double observed = (double) agreed / pairs;
        Double kappa = null;
        if (marginal.size() > 1) {
            double expected = 0;
            for (int count : marginal.values()) {
                double share = count / (2.0 * pairs);
                expected += share * share;
            }
            kappa = (observed - expected) / (1 - expected);
        }
        return new Figures(pairs, agreed, observed, kappa, used, disagreements);
    }
}
