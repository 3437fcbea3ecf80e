package lv.opengov.reporting.cycle;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import lv.opengov.reporting.plan.Commitment;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.report.Completion;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportState;

/**
 * How far a cycle has come, as its page shows it: counts by state and by completion, the measures by
 * commitment, the overdue ones, and each institution's open, submitted and accepted reports with the
 * reminders it was sent. Computed in one pass over the report rows the reader may see.
 */
public record CycleProgress(long total, Map<String, Long> states, Map<String, Long> completions,
        Map<Commitment, List<Line>> byCommitment, List<Line> overdue, List<InstitutionLine> institutions) {

    /** A measure's line on the cycle page. */
    public record Line(ReportRow row, String title, String institutionName, long daysOverdue) {
    }

    /** One institution's counts. */
    public record InstitutionLine(String code, String name, long open, long submitted, long accepted,
            long remindersSent) {
    }

    /**
     * @param remindersByInstitution reminder digests sent, by institution code ({@link CycleMails})
     */
    public static CycleProgress of(List<ReportRow> rows, Map<String, Institution> institutions,
            Map<Integer, Commitment> commitments, Map<String, Long> remindersByInstitution, LocalDate today,
            Locale locale) {
        Map<Commitment, List<Line>> byCommitment = new LinkedHashMap<>();
        List<Line> overdue = new ArrayList<>();
        Map<ReportState, Long> states = zeros(ReportState.class);
        Map<Completion, Long> completions = zeros(Completion.class);
        Map<String, long[]> counts = new TreeMap<>();
        for (ReportRow row : rows) {
            long late = row.isOverdue(today) ? ChronoUnit.DAYS.between(row.dueDate(), today) : 0;
            Line line = new Line(row, row.title(locale), institutions.get(row.institution()).name(locale), late);
            byCommitment.computeIfAbsent(commitments.get(row.commitment()), c -> new ArrayList<>()).add(line);
            if (late > 0) {
                overdue.add(line);
            }
            states.merge(row.state(), 1L, Long::sum);
            if (row.completion() != null && row.state() != ReportState.AWAITING) {
                completions.merge(row.completion(), 1L, Long::sum);
            }
            long[] c = counts.computeIfAbsent(row.institution(), code -> new long[3]);
            c[row.state().isOpenForInstitution() ? 0 : row.state() == ReportState.SUBMITTED ? 1 : 2]++;
        }
        List<InstitutionLine> perInstitution = new ArrayList<>();
        counts.forEach((code, c) -> perInstitution.add(new InstitutionLine(code, institutions.get(code).name(locale),
                c[0], c[1], c[2], remindersByInstitution.getOrDefault(code, 0L))));
        return new CycleProgress(rows.size(), byName(states), byName(completions), byCommitment, overdue,
                perInstitution);
    }

    /** The largest completion count, at least 1: the scale of the completion bars. */
    public long maxCompletion() {
        return Math.max(1, completions.values().stream().mapToLong(Long::longValue).max().orElse(1));
    }

    public long acceptedPercent() {
        return percent(ReportState.ACCEPTED);
    }

    public long submittedPercent() {
        return percent(ReportState.SUBMITTED);
    }

    private long percent(ReportState state) {
        return total == 0 ? 0 : 100 * states.get(state.name()) / total;
    }

    private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            counts.put(constant, 0L);
        }
        return counts;
    }

    /** Counts keyed by the constant's name, which templates can index. */
    private static Map<String, Long> byName(Map<? extends Enum<?>, Long> counts) {
        Map<String, Long> result = new LinkedHashMap<>();
        counts.forEach((key, value) -> result.put(key.name(), value));
        return result;
    }
}
