package org.assure.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The route table: every {@link RouteRules} bean's rules, by method and path template. */
@Singleton
public class RouteAccess {
    /** A route as the router knows it: its method and its path template, e.g. GET /returns/{id}. */
    public record Route(HttpMethod method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Pattern QUALIFIED_VARIABLE = Pattern.compile("\\{([^}:?]+)[^}]*}");
    private final Map<Route, RouteRules.Rule> byRoute = new HashMap<>();

    RouteAccess(List<RouteRules> tables) {
        for (RouteRules table : tables) {
            for (RouteRules.Rule rule : table.rules()) {
                if (byRoute.put(new Route(rule.method(), rule.path()), rule) != null) {
                    throw new IllegalStateException("Two access rules for " + rule.method() + " " + rule.path());
                }
            }
        }
    }

    /** A HEAD request is a GET without the body, so it has the GET's rule. */
    public Optional<RouteRules.Rule> rule(HttpMethod method, String path) {
        return Optional.ofNullable(byRoute.get(new Route(method == HttpMethod.HEAD ? HttpMethod.GET : method, normalise(path))));
    }

    /** The router's routes as the table names them: HEAD folded into GET, each once. */
    public static List<Route> of(java.util.stream.Stream<? extends io.micronaut.web.router.UriRouteInfo<?, ?>> routes) {
        return routes.map(r -> new Route(r.getHttpMethod() == HttpMethod.HEAD ? HttpMethod.GET : r.getHttpMethod(),
                        normalise(r.getUriMatchTemplate().toString())))
                .distinct().sorted(Comparator.comparing(Route::toString)).toList();
    }

    /** Every rule, in path order, for the generated table in doc/access.md. */
    public List<RouteRules.Rule> all() {
        List<RouteRules.Rule> all = new ArrayList<>(byRoute.values());
        all.sort(Comparator.comparing(RouteRules.Rule::path).thenComparing(r -> r.method().name()));
        return all;
    }

    /** The routes the table has no rule for: each is refused to everyone until it gets one. */
    public List<Route> missing(Collection<Route> routes) {
        return routes.stream().filter(r -> rule(r.method(), r.path()).isEmpty()).sorted(Comparator.comparing(Route::toString)).toList();
    }

    /** Rules for routes that do not exist (a renamed route leaves its old rule behind). */
    public List<RouteRules.Rule> unused(Collection<Route> routes) {
        var known = routes.stream().map(r -> new Route(r.method(), normalise(r.path()))).toList();
        return all().stream().filter(rule -> !known.contains(new Route(rule.method(), rule.path()))).toList();
    }

    /** The router writes templates with a trailing slash or none, and variables with qualifiers; compare them plainly. */
    static String normalise(@Nullable String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String p = path.indexOf('{') < 0 ? path : QUALIFIED_VARIABLE.matcher(path).replaceAll("{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
