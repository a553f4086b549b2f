package org.assure.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.assure.kernel.EmailAddress;

import java.util.List;

/** The forms of the accounts feature. Every field is a String so what was typed can always be shown again. */
public final class AccountForms {
    static final int MIN_PASSWORD = PasswordRules.MIN_LENGTH;

    private AccountForms() {
    }

    @Serdeable
    public record SignInForm(@Nullable @NotBlank(message = "Enter your email address") String email,
                      @Nullable @NotBlank(message = "Enter your password") String password,
                      @Nullable String next) {
    }

    @Serdeable
    public record NewPasswordForm(@Nullable @NotBlank(message = "Enter a new password")
                           @Size(min = MIN_PASSWORD, max = PasswordRules.MAX_LENGTH, message = PasswordRules.LENGTH_MESSAGE) String password,
                           @Nullable @NotBlank(message = "Enter the new password again") String confirmPassword) {
        boolean matches() {
            return password != null && password.equals(confirmPassword);
        }
    }

    @Serdeable
    public record ChangePasswordForm(@Nullable @NotBlank(message = "Enter your current password") String currentPassword,
                              @Nullable @NotBlank(message = "Enter a new password")
                              @Size(min = MIN_PASSWORD, max = PasswordRules.MAX_LENGTH, message = PasswordRules.LENGTH_MESSAGE) String password,
                              @Nullable @NotBlank(message = "Enter the new password again") String confirmPassword) {
        boolean matches() {
            return password != null && password.equals(confirmPassword);
        }
    }

    @Serdeable
    public record ResetRequestForm(@Nullable @NotBlank(message = "Enter your email address")
                            @EmailAddress.Valid String email) {
    }

    @Serdeable
    public record InviteForm(@Nullable @NotBlank(message = "Enter the person's name") @Size(max = 200, message = "Name must be 200 characters or fewer") String name,
                      @Nullable @NotBlank(message = "Enter the person's email address")
                      @EmailAddress.Valid
                      @Size(max = EmailAddress.MAX_LENGTH, message = "Email address must be 254 characters or fewer") String email,
                      @Nullable @NotBlank(message = "Select a role") String role,
                      @Nullable String organisationId) {
    }

    /** A person's roles and organisations, from two checkbox groups; either may be absent when nothing is ticked. */
    @Serdeable
    public record AccessForm(@Nullable List<String> roles, @Nullable List<String> organisations) {
        List<String> roleList() {
            return roles == null ? List.of() : roles;
        }

        List<String> organisationList() {
            return organisations == null ? List.of() : organisations;
        }
    }
}
