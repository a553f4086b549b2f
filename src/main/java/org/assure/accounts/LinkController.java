package org.assure.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.views.ModelAndView;
import org.assure.kernel.FormErrors;
import org.assure.web.Forms;
import org.assure.web.Model;

/** The pages behind emailed one-time links: accepting an invitation and resetting a password. */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class LinkController {
    static final String TOO_MANY_RESETS = "Too many reset links have been asked for. Wait an hour, then try again. "
            + "Check your junk folder for the links already sent";
    private final AccountService accounts;
    private final Forms forms;
    private final HttpClientAddressResolver clientAddress;

    LinkController(AccountService accounts, Forms forms, HttpClientAddressResolver clientAddress) {
        this.accounts = accounts;
        this.forms = forms;
        this.clientAddress = clientAddress;
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
    MutableHttpResponse<?> resetRequestPage(@Nullable @QueryValue String sent) {
        return Forms.page("accounts/reset-request", Model.of("form", new AccountForms.ResetRequestForm(""))
                .with("sent", "true".equals(sent)));
    }

    @Post("/password-reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> requestReset(HttpRequest<?> request, @Body AccountForms.ResetRequestForm form) {
        FormErrors errors = forms.validate(form);
        if (!errors.isEmpty()) {
            return Forms.invalid("accounts/reset-request", Model.of("form", form).with("sent", false), errors);
        }
        String client = clientAddress.resolve(request);
        if (!accounts.requestPasswordReset(form.email(), client == null ? "unknown" : client)) {
            return Forms.invalid("accounts/reset-request", Model.of("form", form).with("sent", false),
                    FormErrors.none().add("email", TOO_MANY_RESETS)).status(HttpStatus.TOO_MANY_REQUESTS);
        }
        // A redirect, so that the same form sent twice (a double click) is answered from the first post, with one
        // email (web.OnceOnlyForms). The address is not put in the URL: addresses stay out of logs and history.
        return Forms.seeOther("/password-reset?sent=true");
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
        AccountService.LinkState state = accounts.linkState(token, purpose);
        if (state != AccountService.LinkState.USABLE) {
            return unusable(state, purpose);
        }
        return Forms.page("accounts/set-password", Model.of("purpose", purpose));
    }

    private MutableHttpResponse<?> setPassword(String token, String purpose, AccountForms.NewPasswordForm form, String done) {
        AccountService.LinkState state = accounts.linkState(token, purpose);
        if (state != AccountService.LinkState.USABLE) {
            return unusable(state, purpose);
        }
        FormErrors errors = forms.validate(form);
        accounts.checkNewPassword(accounts.linkEmail(token, purpose).orElse(""), form.password(), "password", errors);
        if (!errors.has("confirmPassword") && !form.matches()) {
            errors.add("confirmPassword", "The passwords do not match");
        }
        if (!errors.isEmpty()) {
            return Forms.invalid("accounts/set-password", Model.of("purpose", purpose), errors);
        }
        return accounts.setPasswordWithToken(token, purpose, form.password()) ? Forms.seeOther(done) : linkExpired(purpose);
    }

    /** An invitation to an address that signs in to another partnership's account: only its owner sees this page. */
    private static MutableHttpResponse<?> unusable(AccountService.LinkState state, String purpose) {
        if (state == AccountService.LinkState.ADDRESS_HAS_ANOTHER_ACCOUNT) {
            return io.micronaut.http.HttpResponse.status(HttpStatus.CONFLICT)
                    .body(new ModelAndView<>("accounts/address-in-use", Model.empty()));
        }
        return linkExpired(purpose);
    }

    private static MutableHttpResponse<?> linkExpired(String purpose) {
        return io.micronaut.http.HttpResponse.status(HttpStatus.GONE)
                .body(new ModelAndView<>("accounts/link-expired", Model.of("purpose", purpose)));
    }
}
