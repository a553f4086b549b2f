package org.assure.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.assure.access.CurrentUser;
import org.assure.partnerships.PartnershipService;
import org.assure.kernel.AssureSettings;

/** Builds what the layout needs on every page from the request. */
@Singleton
public class PageContext {
    private final AssureSettings settings;
    private final Csrf csrf;
    private final PartnershipService partnerships;
    private final int sessionSecondsLeft;
    private final int sessionWarnSeconds;

    PageContext(AssureSettings settings, Csrf csrf, PartnershipService partnerships,
                @Value("${assure.session.idle-minutes}") int idleMinutes,
                @Value("${assure.session.warn-seconds:120}") int warnSeconds) {
        this.settings = settings;
        this.csrf = csrf;
        this.partnerships = partnerships;
        // A session's last-seen time is written at most once a minute (accounts.Sessions), so the page can
        // only promise the idle time less that minute.
        this.sessionSecondsLeft = Math.max(idleMinutes * 60 - 60, 0);
        this.sessionWarnSeconds = warnSeconds;
    }

    public Layout forRequest(@Nullable HttpRequest<?> request) {
        CurrentUser user = request == null ? null
                : request.getUserPrincipal(Authentication.class).map(CurrentUser::from).orElse(null);
        String serviceName = user != null ? user.partnershipName() : anonymousServiceName();
        return new Layout(serviceName, settings.localMode(), user,
                request == null ? "" : csrf.tokenFor(request),
                request == null ? "/" : request.getPath(), sessionSecondsLeft, sessionWarnSeconds);
    }

    private String anonymousServiceName() {
        try {
            return partnerships.soleName().orElse(settings.serviceName());
        } catch (RuntimeException databaseDown) {
            // The 503 page must still render when the database is what failed.
            return settings.serviceName();
        }
    }

    /** What every page can read as {@code site.*}. */
    public record Layout(String serviceName, boolean localMode, @Nullable CurrentUser user, String csrfToken,
                         String path, int sessionSecondsLeft, int sessionWarnSeconds) {
        public boolean signedIn() {
            return user != null;
        }
    }
}
