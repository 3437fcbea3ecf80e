package lv.opengov.reporting.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lv.opengov.reporting.audit.AuditAction;
import lv.opengov.reporting.audit.AuditLog;
import lv.opengov.reporting.common.NotFoundException;
import lv.opengov.reporting.common.ServiceZone;
import lv.opengov.reporting.common.TextRules;
import lv.opengov.reporting.identity.CurrentUser;
import lv.opengov.reporting.report.internal.ReportIndicatorRepository;
import lv.opengov.reporting.report.internal.ReportMilestoneRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A report's progress page: what it says of its measure's milestones and indicators, shown to those
 * who may read the report and saved by the responsible institution while the report is open for it.
 * A save checks every field first; one bad field refuses all of it. {@link ProgressQuery} reads the
 * same for other pages.
 */
@Service
public class ReportProgress {

    /** The form's field names: {@code milestone.<id>.state}, {@code .date}, {@code indicator.<id>.value}, {@code .note}. */
    public static final String MILESTONE = "milestone.";
    public static final String INDICATOR = "indicator.";

    static final int NOTE_LENGTH = 2000;

    private final ProgressQuery query;
    private final ReportService reports;
    private final ProgressAccess access;
    private final ReportMilestoneRepository milestoneStates;
    private final ReportIndicatorRepository indicatorValues;
    private final CurrentUser currentUser;
    private final ServiceZone zone;
    private final Clock clock;
    private final AuditLog audit;
    private final MessageSource messages;

    ReportProgress(ProgressQuery query, ReportService reports, ProgressAccess access,
            ReportMilestoneRepository milestoneStates, ReportIndicatorRepository indicatorValues,
            CurrentUser currentUser, ServiceZone zone, Clock clock, AuditLog audit, MessageSource messages) {
        this.query = query;
        this.reports = reports;
        this.access = access;
        this.milestoneStates = milestoneStates;
        this.indicatorValues = indicatorValues;
        this.currentUser = currentUser;
        this.zone = zone;
        this.clock = clock;
        this.audit = audit;
        this.messages = messages;
    }

    /** A report's progress page: the report, its measure's milestones and indicators, and whether the user may change them. */
    public record Page(ReportRow report, Long cycleId, String processInstanceId, boolean withdrawn,
            List<MilestoneProgress> milestones, List<IndicatorProgress> indicators, boolean mayEdit) {
    }

    /** The report's progress, when the current user may see the report; else not found. */
    @Transactional(readOnly = true)
    public Page page(Long reportId) {
        MeasureReport report = reports.find(reportId).orElseThrow(() -> notFound(reportId));
        ReportRow row = reports.row(reportId);
        if (!access.mayRead(row)) {
            throw notFound(reportId);
        }
        boolean withdrawn = report.getWithdrawnAt() != null;
        return new Page(row, report.getCycleId(), report.getProcessInstanceId(), withdrawn, query.milestonesOfReport(reportId), query.indicatorsOfReport(reportId),
                access.mayEdit(row.institution(), report.getState(), withdrawn));
    }

    /**
     * Saves the states and values the form gives: a milestone or indicator left empty is not reported
     * (what was saved of it before is removed). Everything is checked first; one bad field refuses all.
     *
     * @throws NotFoundException when the current user may not see the report
     * @throws ProgressRefusedException naming each bad field, or the report when it is not open for the user
     */
    @Transactional
    public void save(Long reportId, Map<String, String> form) {
        // the report's row stays locked until the commit: a submission or review waits, and reads what was saved
        MeasureReport report = reports.lock(reportId);
        Page page = page(reportId);
        if (!access.mayEdit(page.report().institution(), report.getState(), report.getWithdrawnAt() != null)) {
            throw new ProgressRefusedException(Map.of("report", message("progress.closed")));
        }
        Map<String, String> problems = new LinkedHashMap<>();
        // a field of a milestone or indicator that is not the measure's is refused, not passed over
        Set<String> known = new HashSet<>();
        page.milestones().forEach(m -> known.addAll(List.of(MILESTONE + m.milestoneId() + ".state",
                MILESTONE + m.milestoneId() + ".date")));
        page.indicators().forEach(i -> known.addAll(List.of(INDICATOR + i.indicatorId() + ".value",
                INDICATOR + i.indicatorId() + ".note")));
        form.keySet().stream().filter(k -> k.startsWith(MILESTONE) || k.startsWith(INDICATOR))
                .filter(k -> !known.contains(k)).sorted()
                .forEach(k -> problems.put(k, message("progress.field.unknown", k)));
        LocalDate today = zone.today();
        Map<Long, Optional<MilestoneUpdate>> milestones = new LinkedHashMap<>();
        for (MilestoneProgress milestone : page.milestones()) {
            String field = MILESTONE + milestone.milestoneId();
            String stateText = TextRules.blankToNull(form.get(field + ".state"));
            String dateText = TextRules.blankToNull(form.get(field + ".date"));
            if (stateText == null) {
                milestones.put(milestone.milestoneId(), Optional.empty());
                continue;
            }
            Optional<MilestoneState> state = MilestoneState.fromCell(stateText);
            if (state.isEmpty()) {
                problems.put(field + ".state", message("progress.state.invalid", stateText));
                continue;
            }
            LocalDate date = null;
            if (state.get().isClosed()) {
                if (dateText == null) {
                    problems.put(field + ".date", message("progress.date.required"));
                    continue;
                }
                try {
                    date = LocalDate.parse(dateText);
                } catch (DateTimeParseException e) {
                    problems.put(field + ".date", message("progress.date.invalid", dateText));
                    continue;
                }
                if (date.isAfter(today)) {
                    problems.put(field + ".date", message("progress.date.future", dateText));
                    continue;
                }
            }
            milestones.put(milestone.milestoneId(), Optional.of(new MilestoneUpdate(state.get(), date)));
        }
        Map<Long, Optional<IndicatorUpdate>> indicators = new LinkedHashMap<>();
        for (IndicatorProgress indicator : page.indicators()) {
            String field = INDICATOR + indicator.indicatorId();
            String valueText = TextRules.blankToNull(form.get(field + ".value"));
            String note = TextRules.blankToNull(form.get(field + ".note"));
            if (note != null && note.length() > NOTE_LENGTH) {
                problems.put(field + ".note", message("report.text.too-long", NOTE_LENGTH, note.length()));
            } else if (note != null && (TextRules.MARKUP.matcher(note).find() || TextRules.CONTROL.matcher(note).find())) {
                problems.put(field + ".note", message("progress.note.invalid"));
            }
            if (valueText == null) {
                if (note != null) {
                    problems.putIfAbsent(field + ".value", message("progress.value.required"));
                }
                indicators.put(indicator.indicatorId(), Optional.empty());
                continue;
            }
            BigDecimal value = decimal(valueText);
            if (value == null) {
                problems.put(field + ".value", message("progress.value.invalid", valueText));
                continue;
            }
            indicators.put(indicator.indicatorId(), Optional.of(new IndicatorUpdate(value, note)));
        }
        if (!problems.isEmpty()) {
            throw new ProgressRefusedException(problems);
        }
        apply(report.getCycleId(), page, milestones, indicators);
    }

    private void apply(Long cycleId, Page page, Map<Long, Optional<MilestoneUpdate>> milestones,
            Map<Long, Optional<IndicatorUpdate>> indicators) {
        Long reportId = page.report().reportId();
        String user = currentUser.id();
        var now = clock.instant();
        List<String> changes = new ArrayList<>();
        Map<Long, ReportMilestone> savedStates = milestoneStates.findByReportId(reportId).stream()
                .collect(Collectors.toMap(ReportMilestone::getMilestoneId, Function.identity()));
        for (MilestoneProgress milestone : page.milestones()) {
            Optional<MilestoneUpdate> update = milestones.get(milestone.milestoneId());
            ReportMilestone saved = savedStates.get(milestone.milestoneId());
            if (update.isEmpty()) {
                if (saved != null) {
                    milestoneStates.delete(saved);
                    changes.add("milestone " + milestone.number() + ": -");
                }
                continue;
            }
            ReportMilestone state = saved != null ? saved : new ReportMilestone(reportId, milestone.milestoneId());
            if (state.update(update.get().state(), update.get().date(), user, now)) {
                milestoneStates.save(state);
                changes.add("milestone " + milestone.number() + ": " + update.get().state()
                        + (update.get().date() != null ? " " + update.get().date() : ""));
            }
        }
        Map<Long, ReportIndicator> savedValues = indicatorValues.findByReportId(reportId).stream()
                .collect(Collectors.toMap(ReportIndicator::getIndicatorId, Function.identity()));
        for (IndicatorProgress indicator : page.indicators()) {
            Optional<IndicatorUpdate> update = indicators.get(indicator.indicatorId());
            ReportIndicator saved = savedValues.get(indicator.indicatorId());
            if (update.isEmpty()) {
                if (saved != null) {
                    indicatorValues.delete(saved);
                    changes.add("indicator " + indicator.number() + ": -");
                }
                continue;
            }
            ReportIndicator value = saved != null ? saved : new ReportIndicator(reportId, indicator.indicatorId());
            if (value.update(update.get().value(), update.get().note(), user, now)) {
                indicatorValues.save(value);
                changes.add("indicator " + indicator.number() + ": " + update.get().value().toPlainString());
            }
        }
        if (!changes.isEmpty()) {
            audit.record(AuditAction.PROGRESS_REPORTED, user, cycleId, page.report().measureCode(),
                    page.report().institution(), "report " + reportId, String.join("; ", changes));
        }
    }

    private record MilestoneUpdate(MilestoneState state, LocalDate date) {
    }

    private record IndicatorUpdate(BigDecimal value, String note) {
    }

    /** A number of at least 0 with at most four decimals and fourteen digits before them; null when not. */
    private static BigDecimal decimal(String text) {
        try {
            BigDecimal value = new BigDecimal(text.replace(" ", "").replace(',', '.'));
            return value.signum() < 0 || value.scale() > 4 || value.precision() - value.scale() > 14 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    private static NotFoundException notFound(Long reportId) {
        return new NotFoundException("No report " + reportId + " for the current user");
    }
}
