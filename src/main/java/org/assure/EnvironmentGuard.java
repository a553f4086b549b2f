package org.assure;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * Refuses a context whose environments name production in another case ("PROD", "Prod") without "prod"
 * itself: Micronaut's names are case-sensitive, so application-prod.yml would not load and the context
 * would start in local mode (H2, demo data). {@link Application#main} adds "prod" in that case; this
 * catches any other way of starting.
 */
@Context
class EnvironmentGuard {
    private static final String PROD = "prod";

    EnvironmentGuard(Environment environment) {
        var names = environment.getActiveNames();
        boolean spelledOtherwise = names.stream().anyMatch(n -> n.equalsIgnoreCase(PROD) && !n.equals(PROD));
        if (spelledOtherwise && !names.contains(PROD)) {
            throw new ConfigurationException("Assure refuses to start: the environment " + names
                    + " names production in capitals; set MICRONAUT_ENVIRONMENTS=prod. See README.md, Configuration.");
        }
    }
}
