package org.assure;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.jdbc.BasicJdbcConfiguration;

import java.util.List;

/**
 * Stops a production context that lacks its settings, however it was started. The check runs in the
 * constructor, and the guard is both an eager bean and a listener on datasource configurations, so it
 * is built, and refuses, before any datasource opens a connection or Flyway migrates: the failure is
 * the refusal naming the variables, never a connection stack trace.
 */
@Context
@Requires(env = "prod")
class ProductionGuard implements BeanCreatedEventListener<BasicJdbcConfiguration> {
    ProductionGuard(Environment environment) {
        List<String> problems = ProductionSettings.problems(s -> environment.getProperty(s.property(), String.class).orElse(null));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(ProductionSettings.refusal(problems));
        }
    }

    @Override
    public BasicJdbcConfiguration onCreated(BeanCreatedEvent<BasicJdbcConfiguration> event) {
        return event.getBean();
    }
}
