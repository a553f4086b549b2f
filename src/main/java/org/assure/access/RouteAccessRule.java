package org.assure.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micronaut.core.async.publisher.Publishers;

import java.util.Set;

/**
 * Enforces the route table on every request to a controller route: allowed when the person's roles are
 * among the route's, rejected otherwise, and rejected for everyone when the route has no rule (fail closed;
 * the route × role test names the route). Static files are left to the intercept-url-map of application.yml.
 */
@Singleton
class RouteAccessRule implements SecurityRule<HttpRequest<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(RouteAccessRule.class);
    private final RouteAccess table;

    RouteAccessRule(RouteAccess table) {
        this.table = table;
    }

    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        var match = request.getAttribute(HttpAttributes.ROUTE_MATCH, UriRouteMatch.class).orElse(null);
        if (match == null) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        String template = match.getRouteInfo().getUriMatchTemplate().toString();
        var rule = table.rule(match.getHttpMethod(), template);
        if (rule.isEmpty()) {
            LOG.error("{} {} has no rule in the route table (org.assure.access.AssureRoutes): refused to everyone",
                    match.getHttpMethod(), template);
            return Publishers.just(SecurityRuleResult.REJECTED);
        }
        if (rule.get().isTokenAuthenticated()) {
            // The API's filter has checked the bearer token already; a session, even an admin's, never opens these.
            boolean token = request.getAttribute(RouteRules.API_CALLER).isPresent();
            return Publishers.just(token ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
        }
        Set<String> roles = authentication == null ? Set.of() : Set.copyOf(authentication.getRoles());
        return Publishers.just(rule.get().allows(roles) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
