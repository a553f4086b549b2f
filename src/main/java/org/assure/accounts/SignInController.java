package org.assure.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.assure.web.Csrf;
import org.assure.kernel.FormErrors;
import org.assure.web.Forms;
import org.assure.web.Model;
import org.assure.web.PendingForms;
import org.assure.access.CurrentUser;

/** Sign in, sign out and change password. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SignInController {
    static final String WRONG_CREDENTIALS = "Enter a correct email address and password. After 5 wrong attempts "
            + "an account is locked for 15 minutes.";
    private final AccountService accounts;
    private final SessionCookie cookie;
    private final Csrf csrf;
    private final Forms forms;
    private final PendingForms pendingForms;

    SignInController(AccountService accounts, SessionCookie cookie, Csrf csrf, Forms forms, PendingForms pendingForms) {
        this.accounts = accounts;
        this.cookie = cookie;
        this.csrf = csrf;
        this.forms = forms;
        this.pendingForms = pendingForms;
    }

    @Get("/sign-in")
    MutableHttpResponse<?> signInPage(HttpRequest<?> request, @Nullable @QueryValue String next, @Nullable @QueryValue String notice) {
        return Forms.page("accounts/sign-in", Model.of("form", new AccountForms.SignInForm("", "", safeNext(next)))
                .with("notice", notice).with("answersKept", answersKept(request)));
    }

    @Post("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body AccountForms.SignInForm form) {
        // The typed password is never sent back to the page.
        var shown = new AccountForms.SignInForm(form.email(), "", safeNext(form.next()));
        FormErrors errors = forms.validate(form);
        if (!errors.isEmpty()) {
            return Forms.invalid("accounts/sign-in", Model.of("form", shown).with("answersKept", answersKept(request)), errors);
        }
        var session = accounts.signIn(form.email(), form.password());
        if (session.isEmpty()) {
            return Forms.invalid("accounts/sign-in", Model.of("form", shown).with("answersKept", answersKept(request)),
                    FormErrors.none().add("email", WRONG_CREDENTIALS));
        }
        csrf.rotate(request);
        MutableHttpResponse<?> response = Forms.seeOther(safeNext(form.next()));
        cookie.write(response, session.get());
        return response;
    }

    @Post("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOut(HttpRequest<?> request) {
        cookie.read(request).ifPresent(accounts::signOut);
        csrf.rotate(request);
        MutableHttpResponse<?> response = Forms.seeOther("/sign-in?notice=signed-out");
        cookie.clear(response);
        return response;
    }

    @Get("/account/password")
    MutableHttpResponse<?> changePasswordPage() {
        return Forms.page("accounts/change-password", Model.of("done", false));
    }

    @Post("/account/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> changePassword(CurrentUser user, @Body AccountForms.ChangePasswordForm form) {
        FormErrors errors = accounts.checkNewPassword(user.email(), form.password(), "password", forms.validate(form));
        if (!errors.has("confirmPassword") && !form.matches()) {
            errors.add("confirmPassword", "The passwords do not match");
        }
        if (errors.isEmpty()) {
            // The current password is checked only once the new one will do, so a typo there costs no guess.
            var changed = accounts.changePassword(user, form.currentPassword(), form.password());
            if (changed.isValid()) {
                MutableHttpResponse<?> response = Forms.page("accounts/change-password", Model.of("done", true));
                cookie.write(response, changed.value());
                return response;
            }
            errors.addAll(changed.errors());
        }
        return Forms.invalid("accounts/change-password", Model.of("done", false), errors);
    }

    /** A form posted after the session ended is waiting to be shown again (ADR 0012): the page says so, to reassure. */
    private boolean answersKept(HttpRequest<?> request) {
        return pendingForms.find(request).isPresent();
    }

    /** Only a path on this site, so a crafted link cannot send someone elsewhere after signing in. */
    static String safeNext(@Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
            return "/";
        }
        return next;
    }
}
