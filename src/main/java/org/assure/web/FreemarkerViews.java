package org.assure.web;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import org.assure.kernel.SafeTemplates;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders {@code views/<name>.ftlh} with HTML auto-escaping. Micronaut Views has no FreeMarker module
 * for Micronaut 4 here (STACK.md), so this is ours. Every page also gets {@code site}: the signed-in
 * person, the CSRF token and the service name, so no controller has to remember them.
 */
@Singleton
@Produces(MediaType.TEXT_HTML)
class FreemarkerViews implements ViewsRenderer<Object, HttpRequest<?>> {
    private final Configuration configuration;
    private final PageContext pageContext;

    FreemarkerViews(PageContext pageContext) {
        this.pageContext = pageContext;
        configuration = SafeTemplates.from("views");
    }

    @Override
    public Writable render(String viewName, @Nullable Object data, @Nullable HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        if (data instanceof Map<?, ?> map) {
            map.forEach((k, v) -> model.put(String.valueOf(k), v));
        } else if (data != null) {
            model.put("model", data);
        }
        model.put("site", pageContext.forRequest(request));
        // Rendered to a string first so that a template error becomes a clean 500 page, never half a page.
        String html = renderToString(viewName, model);
        return out -> out.write(html);
    }

    String renderToString(String viewName, Map<String, Object> model) {
        try {
            Template template = configuration.getTemplate(viewName + ".ftlh");
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Cannot render view " + viewName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String viewName) {
        try {
            configuration.getTemplate(viewName + ".ftlh");
            return true;
        } catch (TemplateNotFoundException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
