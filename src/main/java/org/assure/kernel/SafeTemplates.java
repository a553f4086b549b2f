package org.assure.kernel;

import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;

/**
 * The one FreeMarker set-up, for pages and emails alike: templates from a classpath folder, HTML escaping
 * by file extension (.ftlh), errors thrown rather than printed into the output, and no way for a template
 * to reach Java classes or APIs.
 */
public final class SafeTemplates {
    private SafeTemplates() {
    }

    public static Configuration from(String classpathFolder) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassLoaderForTemplateLoading(SafeTemplates.class.getClassLoader(), classpathFolder);
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setNumberFormat("computer");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        return configuration;
    }
}
