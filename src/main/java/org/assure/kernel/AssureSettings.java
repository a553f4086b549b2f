package org.assure.kernel;

import io.micronaut.context.annotation.ConfigurationProperties;

/** The settings under {@code assure.*} that several features read. */
@ConfigurationProperties("assure")
public record AssureSettings(boolean localMode, boolean seedDemoData, String dataDir, String baseUrl,
                             String serviceName) {
}
