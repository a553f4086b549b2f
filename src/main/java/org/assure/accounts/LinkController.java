package org.assure.accounts;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import org.assure.kernel.FormErrors;
import org.assure.web.Forms;
import org.assure.web.Model;

/** The pages behind emailed one-time links: accepting an invitation and resetting a password. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class LinkController {
    private final AccountService accounts;
    private final Forms forms;

    LinkController(AccountService accounts, Forms forms) {
        this.accounts = accounts;
        this.forms = forms;
    }

    @Get("/invitations/{token}")
    MutableHttpResponse<?> invitation(@PathVariable String token) {
        return passwordPage(token, AccountToken.INVITATION);
    }

    @Post("/invitations/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> acceptInvitation(@PathVariable String token, @Body AccountForms.NewPasswordForm form) {
        return setPassword(token, AccountToken.INVITATION, form, "/sign-in?notice=invitation-accepted");
    }

    @Get("/password-reset")
    MutableHttpResponse<?> resetRequestPage() {
        return Forms.page("accounts/reset-request", Model.of("form", new AccountForms.ResetRequestForm("")).with("sent", false));
    }

    @Post("/password-reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> requestReset(@Body AccountForms.ResetRequestForm form) {
        FormErrors errors = forms.validate(form);
        if (!errors.isEmpty()) {
            return Forms.invalid("accounts/reset-request", Model.of("form", form).with("sent", false), errors);
        }
        accounts.requestPasswordReset(form.email());
        return Forms.page("accounts/reset-request", Model.of("form", form).with("sent", true));
    }

    @Get("/password-reset/{token}")
    MutableHttpResponse<?> resetPage(@PathVariable String token) {
        return passwordPage(token, AccountToken.PASSWORD_RESET);
    }

    @Post("/password-reset/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> reset(@PathVariable String token, @Body AccountForms.NewPasswordForm form) {
        return setPassword(token, AccountToken.PASSWORD_RESET, form, "/sign-in?notice=password-reset");
    }

    private MutableHttpResponse<?> passwordPage(String token, String purpose) {
        if (!accounts.isUsable(token, purpose)) {
            return linkExpired(purpose);
        }
        return Forms.page("accounts/set-password", Model.of("purpose", purpose));
    }

    private MutableHttpResponse<?> setPassword(String token, String purpose, AccountForms.NewPasswordForm form, String done) {
        if (!accounts.isUsable(token, purpose)) {
            return linkExpired(purpose);
        }
        FormErrors errors = forms.validate(form);
        if (!errors.has("confirmPassword") && !form.matches()) {
            errors.add("confirmPassword", "The passwords do not match");
        }
        if (!errors.isEmpty()) {
            return Forms.invalid("accounts/set-password", Model.of("purpose", purpose), errors);
        }
        return accounts.setPasswordWithToken(token, purpose, form.password()) ? Forms.seeOther(done) : linkExpired(purpose);
    }

    private static MutableHttpResponse<?> linkExpired(String purpose) {
        return io.micronaut.http.HttpResponse.status(HttpStatus.GONE)
                .body(new ModelAndView<>("accounts/link-expired", Model.of("purpose", purpose)));
    }
}
