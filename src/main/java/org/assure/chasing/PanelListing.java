package org.assure.chasing;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collections;
import java.util.List;

/** The cycle's list for its assurance panel: an organisation is on it once per reason. */
@Singleton
public class PanelListing {
    public static final String NON_COMPLETION = "NON_COMPLETION";
    public static final String NON_COMPLIANCE = "NON_COMPLIANCE";
    /** Picked by a dip sample (org.assure.sampling). */
    public static final String DIP_SAMPLE = "DIP_SAMPLE";

    private final ChasingRepositories.PanelList list;
    private final JdbcOperations jdbc;
    private final Clock clock;

    PanelListing(ChasingRepositories.PanelList list, JdbcOperations jdbc, Clock clock) {
        this.list = list;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An organisation to put on the list, with its return and the words that say why. */
    record Entry(long organisationId, long returnId, String detail) {
    }

    /**
     * Puts organisations not yet on the list for this reason on it (the caller knows which, from {@link #listed}), in
     * multi-row inserts: a run's hundreds at step 3 in one statement. One already listed fails the unique key, and so
     * the caller's transaction: another run listed it meanwhile.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void addAll(long partnershipId, long cycleId, String reason, List<Entry> entries) {
        Timestamp at = Timestamp.from(clock.instant()); // bound as Micronaut Data binds an Instant
        for (int from = 0; from < entries.size(); from += 500) {
            List<Entry> rows = entries.subList(from, Math.min(entries.size(), from + 500));
            String sql = "INSERT INTO assurance_panel_list (partnership_id, cycle_id, organisation_id, return_id, reason, detail, added_at) VALUES "
                    + String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?, ?, ?)"));
            jdbc.prepareStatement(sql, statement -> {
                int i = 0;
                for (Entry e : rows) {
                    statement.setLong(++i, partnershipId);
                    statement.setLong(++i, cycleId);
                    statement.setLong(++i, e.organisationId());
                    statement.setLong(++i, e.returnId());
                    statement.setString(++i, reason);
                    statement.setString(++i, clip(e.detail()));
                    statement.setTimestamp(++i, at);
                }
                return statement.executeUpdate();
            });
        }
    }

    private static String clip(String detail) {
        return detail.length() > 500 ? detail.substring(0, 500) : detail;
    }

    /** An organisation on the cycle's list, for the panels that hear it (org.assure.panels). */
    public record Listed(long organisationId, long returnId, String reason, String detail) {
    }

    /** The cycle's whole list, in the order added. */
    @Transactional
    public List<Listed> entries(long cycleId) {
        return list.findByCycleIdOrderById(cycleId).stream().map(e -> new Listed(e.organisationId(), e.returnId(), e.reason(), e.detail())).toList();
    }

    /** The organisations already on the cycle's list for this reason. */
    @Transactional
    public java.util.Set<Long> listed(long cycleId, String reason) {
        java.util.Set<Long> listed = new java.util.HashSet<>();
        list.findByCycleIdOrderById(cycleId).stream().filter(e -> e.reason().equals(reason)).forEach(e -> listed.add(e.organisationId()));
        return listed;
    }

    @Transactional
    public void add(long partnershipId, long cycleId, long organisationId, long returnId, String reason, String detail) {
        if (list.findByCycleIdAndOrganisationIdAndReason(cycleId, organisationId, reason).isEmpty()) {
            list.save(new ChasingRepositories.PanelListEntry(null, partnershipId, cycleId, organisationId, returnId, reason,
                    clip(detail), clock.instant()));
        }
    }

    /** Takes an organisation off the cycle's list for this reason (a dip sample pick replaced or re-drawn). */
    @Transactional
    public void remove(long cycleId, long organisationId, String reason) {
        list.findByCycleIdAndOrganisationIdAndReason(cycleId, organisationId, reason).ifPresent(list::delete);
    }
}
