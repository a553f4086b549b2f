package org.assure.returns;

import jakarta.inject.Singleton;
import org.assure.accounts.AccountService;
import org.assure.notify.Addressee;
import org.assure.notify.RecipientResolver;

import java.util.List;
import java.util.Objects;

/** Resolves {@link SectionAssignee}s, only for returns of the partnership. */
@Singleton
class SectionAssigneeResolver implements RecipientResolver<SectionAssignee> {
    private final ReturnRows rows;
    private final ReturnRepositories.Sections sections;
    private final AccountService accounts;

    SectionAssigneeResolver(ReturnRows rows, ReturnRepositories.Sections sections, AccountService accounts) {
        this.rows = rows;
        this.sections = sections;
        this.accounts = accounts;
    }

    @Override
    public Class<SectionAssignee> kind() {
        return SectionAssignee.class;
    }

    @Override
    public List<Addressee> resolve(long partnershipId, SectionAssignee recipient) {
        AuditReturn ret = rows.find(recipient.returnId()).filter(r -> r.partnershipId() == partnershipId).orElse(null);
        Long assigned = ret == null ? null : sections.findByReturnIdAndSectionKey(ret.id(), recipient.sectionKey())
                .map(ReturnSection::assignedAccountId).orElse(null);
        if (assigned == null) {
            return List.of();
        }
        return accounts.colleagues(partnershipId, ret.organisationId()).stream()
                .filter(c -> Objects.equals(c.id(), assigned))
                .map(c -> new Addressee(c.name(), c.email()))
                .toList();
    }
}
