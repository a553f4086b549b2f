package org.assure;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;

import java.util.List;

/** Stops a production context that lacks its settings, however it was started. */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
@Requires(env = "prod")
class ProductionGuard {
    ProductionGuard(Environment environment) {
        List<String> problems = ProductionSettings.problems(s -> environment.getProperty(s.property(), String.class).orElse(null));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(ProductionSettings.refusal(problems));
        }
    }
}
