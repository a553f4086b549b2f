package org.assure.reports;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.assure.kernel.Dates;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Returns first submitted over time, against the deadline (issue 14, ADR 0046): a step chart of the cumulative count
 * from the cycle's opening, by day, or by week over a span longer than {@link #DAILY_DAYS} days so the chart and its
 * table stay readable. The database counts submissions per UTC day and hour (bounded by the span, not by the number of
 * returns); each hour is then placed on its day in England.
 */
@Singleton
class ReportTimeline {
    static final int DAILY_DAYS = 92;
    /** The chart's plot area inside its 680 × 260 view box. */
    static final double LEFT = 60;
    static final double WIDTH = 600;
    static final double TOP = 20;
    static final double HEIGHT = 200;

    private final JdbcOperations jdbc;

    ReportTimeline(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One day (or week, from {@code from}) with submissions: how many, and the running total after it. */
    public record Bucket(String from, long submitted, long cumulative, long percent) {
    }

    /**
     * The chart: {@code path} the step line's points, {@code deadlineX} where the deadline falls, {@code totalY} the
     * reference line of all returns. {@code weekly} when each bucket is a week.
     */
    public record Timeline(String opens, String ends, boolean weekly, long returns, List<Bucket> buckets, String path, double deadlineX,
                           double totalY, String deadlineAxisLabel) {
        public boolean any() {
            return !buckets.isEmpty();
        }

        public double left() {
            return LEFT;
        }

        public double right() {
            return LEFT + WIDTH;
        }

        public double top() {
            return TOP;
        }

        public double bottom() {
            return TOP + HEIGHT;
        }
    }

    Timeline timeline(long partnershipId, long cycleId, LocalDate opens, LocalDate deadline, LocalDate today, long returns) {
        TreeMap<LocalDate, Long> byDay = new TreeMap<>();
        jdbc.prepareStatement("SELECT submitted_day, submitted_hour, COUNT(*) FROM (SELECT CAST(s.submitted_at AS DATE) AS submitted_day, "
                + "HOUR(s.submitted_at) AS submitted_hour FROM audit_return r JOIN return_submission s ON s.return_id = r.id AND s.submission_number = 1 "
                + "WHERE r.partnership_id = ? AND r.cycle_id = ?) firsts GROUP BY submitted_day, submitted_hour", st -> {
            st.setLong(1, partnershipId);
            st.setLong(2, cycleId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    LocalDateTime utc = rs.getDate(1).toLocalDate().atTime(rs.getInt(2), 0);
                    byDay.merge(Dates.dateOf(utc.toInstant(ZoneOffset.UTC)), rs.getLong(3), Long::sum);
                }
            }
            return null;
        });
        LocalDate end = today.isAfter(deadline) ? today : deadline;
        if (!byDay.isEmpty() && byDay.lastKey().isAfter(end)) {
            end = byDay.lastKey();
        }
        LocalDate start = opens;
        if (!byDay.isEmpty() && byDay.firstKey().isBefore(start)) {
            start = byDay.firstKey();
        }
        long span = Math.max(1, ChronoUnit.DAYS.between(start, end));
        boolean weekly = span > DAILY_DAYS;
        Map<LocalDate, Long> buckets = new TreeMap<>();
        for (Map.Entry<LocalDate, Long> e : byDay.entrySet()) {
            LocalDate bucket = weekly ? start.plusWeeks(ChronoUnit.WEEKS.between(start, e.getKey())) : e.getKey();
            buckets.merge(bucket, e.getValue(), Long::sum);
        }
        long maxY = Math.max(1, returns);
        List<Bucket> rows = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        path.append(point(0, 0, maxY));
        long cumulative = 0;
        for (Map.Entry<LocalDate, Long> e : buckets.entrySet()) {
            // a step: flat until the bucket's day, then up by what was submitted in it
            double dayOffset = ChronoUnit.DAYS.between(start, e.getKey()) / (double) span;
            path.append(' ').append(point(dayOffset, cumulative, maxY));
            cumulative += e.getValue();
            path.append(' ').append(point(dayOffset, cumulative, maxY));
            rows.add(new Bucket(Dates.date(e.getKey()), e.getValue(), cumulative, returns == 0 ? 0 : Math.round(100.0 * cumulative / returns)));
        }
        path.append(' ').append(point(1, cumulative, maxY));
        double deadlineX = LEFT + WIDTH * ChronoUnit.DAYS.between(start, deadline) / span;
        return new Timeline(Dates.date(start), Dates.date(end), weekly, returns, rows, path.toString(), round(deadlineX), y(returns, maxY),
                Dates.date(deadline));
    }

    private static String point(double dayOffset, long count, long maxY) {
        return round(LEFT + WIDTH * dayOffset) + "," + y(count, maxY);
    }

    private static double y(long count, long maxY) {
        return round(TOP + HEIGHT - HEIGHT * count / maxY);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
