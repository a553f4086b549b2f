package org.assure.accounts;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.assure.partnerships.PartnershipService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import org.assure.access.Role;

/**
 * Production has no demo data: while the database has no partnership, the first administrator and
 * their partnership come from ASSURE_ADMIN_EMAIL, ASSURE_ADMIN_PASSWORD and ASSURE_PARTNERSHIP_NAME.
 */
@Singleton
@Requires(property = "assure.seed-demo-data", value = "false")
class FirstAdministrator {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);
    private final PartnershipService partnerships;
    private final AccountService accounts;
    private final String email;
    private final String password;
    private final String partnershipName;

    FirstAdministrator(PartnershipService partnerships, AccountService accounts,
                       @Value("${assure.admin.email:}") String email,
                       @Value("${assure.admin.password:}") String password,
                       @Value("${assure.admin.partnership-name:Safeguarding Children Partnership}") String partnershipName) {
        this.partnerships = partnerships;
        this.accounts = accounts;
        this.email = email;
        this.password = password;
        this.partnershipName = partnershipName;
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        if (partnerships.any()) {
            return;
        }
        var problem = PasswordRules.problem(password, email);
        if (email.isBlank() || problem.isPresent()) {
            LOG.warn("No partnership or users yet. Set ASSURE_ADMIN_EMAIL and ASSURE_ADMIN_PASSWORD to create the first administrator{}.",
                    email.isBlank() ? "" : ". ASSURE_ADMIN_PASSWORD will not do: " + problem.get());
            return;
        }
        long partnershipId = partnerships.create(partnershipName).id();
        accounts.createActive(partnershipId, "Administrator", email, password, List.of(Role.PARTNERSHIP_ADMIN), List.of());
        LOG.info("Created partnership '{}' and its first administrator {}", partnershipName, email);
    }
}
