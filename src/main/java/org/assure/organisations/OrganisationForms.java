package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.assure.kernel.EmailAddress;
import org.assure.kernel.FormErrors;
import org.assure.kernel.Text;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The organisation form and what its page shows. Every field is a String so what was typed can be shown again. */
public final class OrganisationForms {
    static final Pattern URN = Pattern.compile("\\d{6}");

    private OrganisationForms() {
    }

    /** One form for agencies and schools; {@code kind} decides which fields count. */
    @Serdeable
    public record OrganisationForm(@Nullable String kind,
                                   @Nullable @NotBlank(message = "Enter the organisation's name")
                                   @Size(max = 200, message = "Name must be 200 characters or fewer") String name,
                                   @Nullable String sector,
                                   @Nullable String phase,
                                   @Nullable String category,
                                   @Nullable String urn,
                                   @Nullable @Size(max = 200, message = "Trust name must be 200 characters or fewer") String trustName,
                                   @Nullable @Size(max = 100, message = "Local authority must be 100 characters or fewer") String localAuthority,
                                   @Nullable @Size(max = 12, message = "Postcode must be 12 characters or fewer") String postcode,
                                   @Nullable String hasBoarding,
                                   @Nullable String hasEarlyYears,
                                   @Nullable String parentId,
                                   @Nullable String version,
                                   @Nullable String leadName, @Nullable String leadEmail,
                                   @Nullable String boardMemberName, @Nullable String boardMemberEmail,
                                   @Nullable String headteacherName, @Nullable String headteacherEmail,
                                   @Nullable String dslName, @Nullable String dslEmail,
                                   @Nullable String chairOfGovernorsName, @Nullable String chairOfGovernorsEmail,
                                   @Nullable String safeguardingGovernorName, @Nullable String safeguardingGovernorEmail) {

        static OrganisationForm empty(OrganisationKind kind) {
            return new OrganisationForm(kind.name(), "", "", "", "", "", "", "", "", null, null, "", "0",
                    "", "", "", "", "", "", "", "", "", "", "", "");
        }

        static OrganisationForm of(Organisation o, List<OrganisationContact> contacts) {
            Map<ContactRole, OrganisationContact> byRole = new EnumMap<>(ContactRole.class);
            contacts.forEach(c -> byRole.put(c.role(), c));
            Function<ContactRole, String> name = r -> byRole.containsKey(r) ? byRole.get(r).name() : "";
            Function<ContactRole, String> email = r -> byRole.containsKey(r) ? byRole.get(r).email() : "";
            return new OrganisationForm(o.kind().name(), o.name(), nameOf(o.sector()), nameOf(o.phase()), nameOf(o.category()),
                    o.urn(), o.trustName(), o.localAuthority(), o.postcode(), o.hasBoarding() ? "true" : null,
                    o.hasEarlyYears() ? "true" : null, o.parentId() == null ? "" : o.parentId().toString(),
                    Integer.toString(o.version()),
                    name.apply(ContactRole.LEAD), email.apply(ContactRole.LEAD),
                    name.apply(ContactRole.BOARD_MEMBER), email.apply(ContactRole.BOARD_MEMBER),
                    name.apply(ContactRole.HEADTEACHER), email.apply(ContactRole.HEADTEACHER),
                    name.apply(ContactRole.DSL), email.apply(ContactRole.DSL),
                    name.apply(ContactRole.CHAIR_OF_GOVERNORS), email.apply(ContactRole.CHAIR_OF_GOVERNORS),
                    name.apply(ContactRole.SAFEGUARDING_GOVERNOR), email.apply(ContactRole.SAFEGUARDING_GOVERNOR));
        }

        /** The same typed values with another version: after a conflict, saving again means "keep mine". */
        OrganisationForm withVersion(int newVersion) {
            return new OrganisationForm(kind, name, sector, phase, category, urn, trustName, localAuthority, postcode,
                    hasBoarding, hasEarlyYears, parentId, Integer.toString(newVersion), leadName, leadEmail,
                    boardMemberName, boardMemberEmail,
                    headteacherName, headteacherEmail, dslName, dslEmail, chairOfGovernorsName, chairOfGovernorsEmail,
                    safeguardingGovernorName, safeguardingGovernorEmail);
        }

        @Nullable String contactName(ContactRole role) {
            return switch (role) {
                case LEAD -> leadName;
                case BOARD_MEMBER -> boardMemberName;
                case HEADTEACHER -> headteacherName;
                case DSL -> dslName;
                case CHAIR_OF_GOVERNORS -> chairOfGovernorsName;
                case SAFEGUARDING_GOVERNOR -> safeguardingGovernorName;
            };
        }

        @Nullable String contactEmail(ContactRole role) {
            return switch (role) {
                case LEAD -> leadEmail;
                case BOARD_MEMBER -> boardMemberEmail;
                case HEADTEACHER -> headteacherEmail;
                case DSL -> dslEmail;
                case CHAIR_OF_GOVERNORS -> chairOfGovernorsEmail;
                case SAFEGUARDING_GOVERNOR -> safeguardingGovernorEmail;
            };
        }

        /**
         * The rules that depend on the kind or join two fields; uniqueness and the parent are the
         * service's, because they need the database.
         */
        FormErrors check(OrganisationKind k, FormErrors errors) {
            if (k == OrganisationKind.AGENCY && Text.parseEnum(Sector.class, sector) == null) {
                errors.add("sector", "Select the agency's sector");
            }
            if (k == OrganisationKind.SCHOOL) {
                if (Text.parseEnum(Phase.class, phase) == null) {
                    errors.add("phase", "Select the phase of education");
                }
                if (Text.parseEnum(SchoolCategory.class, category) == null) {
                    errors.add("category", "Select the category of school");
                }
                if (!Text.blank(urn) && !URN.matcher(urn.strip()).matches()) {
                    errors.add("urn", "URN must be 6 digits, like 100000");
                }
            }
            for (ContactRole role : ContactRole.forKind(k)) {
                String who = role.label().toLowerCase();
                String contactName = contactName(role);
                String email = contactEmail(role);
                if (!Text.blank(contactName) && contactName.strip().length() > 200) {
                    errors.add(role.field() + "Name", "The " + who + "'s name must be 200 characters or fewer");
                }
                if (!Text.blank(email) && !EmailAddress.valid(email)) {
                    errors.add(role.field() + "Email", "Enter the " + who + "'s email address in the correct format, like name@example.org");
                }
                if (!Text.blank(email) && Text.blank(contactName)) {
                    errors.add(role.field() + "Name", "Enter the " + who + "'s name, or remove their email address");
                }
            }
            return errors;
        }

        /** The details this (valid) form describes. Contacts of roles the form does not show are kept from {@code existing}. */
        OrganisationDetails toDetails(OrganisationKind k, List<OrganisationContact> existing) {
            List<OrganisationDetails.Contact> contacts = new ArrayList<>();
            List<ContactRole> shown = ContactRole.forKind(k);
            for (OrganisationContact c : existing) {
                if (!shown.contains(c.role())) {
                    contacts.add(new OrganisationDetails.Contact(c.role(), c.name(), c.email(), c.phone()));
                }
            }
            for (ContactRole role : shown) {
                if (!Text.blank(contactName(role))) {
                    String phone = existing.stream().filter(c -> c.role() == role).findFirst().map(OrganisationContact::phone).orElse(null);
                    contacts.add(new OrganisationDetails.Contact(role, contactName(role).strip(), Text.clean(contactEmail(role)), phone));
                }
            }
            boolean school = k == OrganisationKind.SCHOOL;
            return new OrganisationDetails(k, name.strip(),
                    school ? null : Text.parseEnum(Sector.class, sector),
                    school ? Text.parseEnum(Phase.class, phase) : null,
                    school ? Text.parseEnum(SchoolCategory.class, category) : null,
                    school ? Text.clean(urn) : null,
                    school ? Text.clean(trustName) : null,
                    school ? Text.clean(localAuthority) : null,
                    school ? Text.clean(postcode) : null,
                    school && "true".equals(hasBoarding),
                    school && "true".equals(hasEarlyYears),
                    Text.parseId(parentId), contacts);
        }
    }

    /** A contact line of the form: the role's label, its two field names and what they hold. */
    public record ContactRow(String label, String nameField, String emailField, @Nullable String name, @Nullable String email) {
    }

    /** The contact lines the form shows for a kind of organisation. */
    static List<ContactRow> contactRows(OrganisationForm form, OrganisationKind kind) {
        return ContactRole.forKind(kind).stream().map(role -> new ContactRow(role.label(), role.field() + "Name",
                role.field() + "Email", form.contactName(role), form.contactEmail(role))).toList();
    }

    /** The list page's filters, as typed into its query string. */
    @Serdeable
    public record SearchForm(@Nullable String q, @Nullable String kind, @Nullable String sector, @Nullable String category,
                             @Nullable String phase, @Nullable String archived) {
        /** Whether any filter narrows the list, so the page can offer to clear them. */
        public boolean filtered() {
            return !Text.blank(q) || !Text.blank(kind) || !Text.blank(sector) || !Text.blank(category) || !Text.blank(phase) || "true".equals(archived);
        }
    }

    private static String nameOf(@Nullable Enum<?> value) {
        return value == null ? "" : value.name();
    }
}
