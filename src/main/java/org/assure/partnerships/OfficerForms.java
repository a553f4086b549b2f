package org.assure.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import org.assure.kernel.EmailAddress;
import org.assure.kernel.FieldLimits;

/** The officer form: every field a String, so what was typed (even a made-up role) can be shown again. */
public final class OfficerForms {
    static final int NAME_MAX = 200;

    private OfficerForms() {
    }

    @Serdeable
    public record OfficerForm(@Nullable String role,
                              @Nullable @NotBlank(message = "Enter the person's full name") String name,
                              @Nullable @NotBlank(message = "Enter the person's email address")
                              @EmailAddress.Valid String email,
                              @Nullable String version) {

        static OfficerForm empty() {
            return new OfficerForm("", "", "", "0");
        }

        static OfficerForm of(PartnershipOfficer o) {
            return new OfficerForm(o.role().name(), o.name(), o.email(), Integer.toString(o.version()));
        }

        /** The name's length is checked here, not by @Size, so it is counted as the person counts it. */
        boolean nameTooLong() {
            return FieldLimits.over(name == null ? null : name.strip(), NAME_MAX);
        }

        static String nameTooLongMessage() {
            return FieldLimits.message("Name", NAME_MAX);
        }
    }

}
