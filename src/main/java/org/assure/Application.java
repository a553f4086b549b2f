package org.assure;

import io.micronaut.runtime.Micronaut;
import org.assure.banks.BankReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

public class Application {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    public static void main(String[] args) {
        String environments = System.getProperty("micronaut.environments", System.getenv("MICRONAUT_ENVIRONMENTS"));
        if (ProductionSettings.isProduction(environments)) {
            List<String> problems = ProductionSettings.problems(s -> System.getProperty(s.property(), System.getenv(s.variable())));
            if (!problems.isEmpty()) {
                LOG.error(ProductionSettings.refusal(problems));
                System.exit(2);
            }
        }
        // The question banks are read while Micronaut boots, so checking them costs start-up little.
        BankReading.startEarly(System.getProperty("assure.banks-dir", System.getenv().getOrDefault("ASSURE_BANKS_DIR", "")));
        Micronaut micronaut = Micronaut.build(args).mainClass(Application.class);
        if (ProductionSettings.isProduction(environments)) {
            // Micronaut's environment names are case-sensitive: "PROD" alone would not load application-prod.yml.
            micronaut.environments("prod");
        }
        micronaut.start();
    }
}
