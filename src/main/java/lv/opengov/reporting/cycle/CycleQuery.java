package lv.opengov.reporting.cycle;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.common.NotFoundException;
import lv.opengov.reporting.cycle.internal.ReportingCycleRepository;
import lv.opengov.reporting.plan.PlanService;
import lv.opengov.reporting.report.Completion;
import lv.opengov.reporting.report.ReportRow;
import lv.opengov.reporting.report.ReportService;
import lv.opengov.reporting.report.ReportState;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What is known of reporting cycles: each cycle, its reports in plan order, what was last published. */
@Service
@Transactional(readOnly = true)
public class CycleQuery {

    private final ReportingCycleRepository cycles;
    private final ReportService reports;
    private final CycleSchedule schedule;
    private final MessageSource messages;

    CycleQuery(ReportingCycleRepository cycles, ReportService reports, CycleSchedule schedule,
            MessageSource messages) {
        this.cycles = cycles;
        this.reports = reports;
        this.schedule = schedule;
        this.messages = messages;
    }

    public List<ReportingCycle> list() {
        return cycles.findAllByOrderByCreatedAtDesc();
    }

    public List<ReportingCycle> published() {
        return cycles.findByStatusOrderByPublishedAtDesc(CycleStatus.PUBLISHED);
    }

    /** Each measure's completion in the latest published cycle that accepted a report on it. */
    public Map<String, LatestCompletion> latestCompletions() {
        Map<String, LatestCompletion> latest = new LinkedHashMap<>();
        for (ReportingCycle cycle : published()) {
            for (ReportRow row : reports.rows(cycle.getId())) {
                if (row.state() == ReportState.ACCEPTED && row.completion() != null) {
                    latest.putIfAbsent(row.measureCode(), new LatestCompletion(row.completion(), cycle.getId(),
                            cycle.getName(), cycle.getPeriodTo()));
                }
            }
        }
        return latest;
    }

    /** A measure's completion as last published. */
    public record LatestCompletion(Completion completion, Long cycleId, String cycleName,
            LocalDate periodTo) {
    }

    public List<ReportingCycle> collecting() {
        return cycles.findByStatus(CycleStatus.COLLECTING);
    }

    public ReportingCycle find(Long cycleId) {
        return cycles.findById(cycleId).orElseThrow(() -> notFound(cycleId));
    }

    /** The reports of the cycle, in plan order; for institution users only their own institutions'. */
    public List<ReportRow> rows(Long cycleId, List<String> onlyInstitutions) {
        return rows(find(cycleId), onlyInstitutions);
    }

    /** {@link #rows(Long, List)} of a cycle the caller has read already: no second look for it. */
    public List<ReportRow> rows(ReportingCycle cycle, List<String> onlyInstitutions) {
        return sorted(reports.rows(cycle.getId())).stream()
                .filter(r -> onlyInstitutions == null || onlyInstitutions.contains(r.institution()))
                .toList();
    }

    public Map<ReportState, Long> counts(Long cycleId) {
        return reports.countByState(cycleId);
    }

    public List<LocalDate> reminderDates(ReportingCycle cycle) {
        return schedule.reminderDates(cycle.getSubmissionDeadline(), cycle.getInvitationDate());
    }

    /** The reports still owed, as a line each, for the coordinators' follow-up task. */
    public List<ReportRow> missing(Long cycleId) {
        return sorted(reports.rows(cycleId)).stream().filter(r -> r.state() != ReportState.ACCEPTED).toList();
    }

    /** The cycle, locked for the rest of the transaction: its commands and steps change it one at a time. */
    @Transactional
    ReportingCycle locked(Long cycleId) {
        return cycles.lockById(cycleId).orElseThrow(() -> notFound(cycleId));
    }

    private NotFoundException notFound(Long cycleId) {
        return new NotFoundException(
                messages.getMessage("cycle.not-found", new Object[] {cycleId}, LocaleContextHolder.getLocale()));
    }

    static List<ReportRow> sorted(List<ReportRow> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(ReportRow::measureCode,
                PlanService.MEASURE_CODE_ORDER)).toList();
    }
}
