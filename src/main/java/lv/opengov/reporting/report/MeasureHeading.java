package lv.opengov.reporting.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lv.opengov.reporting.common.BilingualText;
import lv.opengov.reporting.plan.Commitment;
import lv.opengov.reporting.plan.Institution;
import lv.opengov.reporting.plan.PlanService;
import org.springframework.stereotype.Component;
import lv.opengov.reporting.common.TransactionScoped;

/**
 * What every report task's form shows first, read-only, in Latvian and English as Camunda's web apps
 * show the process's texts: the measure's code and title, its commitment, the responsible institution
 * and the deadline. The plan's commitments and institutions are read once per transaction, so that a
 * cycle starting ten thousand reports reads them once per batch, not once per task.
 */
@Component
public class MeasureHeading {

    private static final Locale LATVIAN = Locale.forLanguageTag("lv");

    private final PlanService plan;
    private final BilingualText text;

    MeasureHeading(PlanService plan, BilingualText text) {
        this.plan = plan;
        this.text = text;
    }

    /** The heading of a report's task; {@code deadline} is the task's own (a contribution's may come earlier). */
    public String of(String measureCode, String titleLv, String titleEn, String responsible, LocalDate deadline) {
        Lookups lookups = lookups();
        Commitment commitment = lookups.commitments().get(commitmentOf(measureCode));
        Institution institution = lookups.institutions().get(responsible);
        List<String> lines = new java.util.ArrayList<>();
        lines.add(measureCode + " " + both(titleLv, titleEn));
        if (commitment != null) {
            lines.add(text.of("form.commitment") + " " + commitment.getNumber() + ": "
                    + both(commitment.title(LATVIAN), commitment.title(Locale.ENGLISH)));
        }
        lines.add(text.of("form.responsible") + ": " + (institution == null ? responsible
                : both(institution.name(LATVIAN), institution.name(Locale.ENGLISH)) + " (" + responsible + ")"));
        if (deadline != null) {
            lines.add(text.of("form.deadline") + ": " + deadline);
        }
        return String.join("\n", lines);
    }

    public String of(ReportRow row) {
        return of(row.measureCode(), row.titleLv(), row.titleEn(), row.institution(), row.dueDate());
    }

    public String of(ContributionRow row) {
        return of(row.measureCode(), row.titleLv(), row.titleEn(), row.lead(), row.dueDate());
    }

    /** A measure's commitment is the number before its code's first dot. */
    private static Integer commitmentOf(String measureCode) {
        int dot = measureCode.indexOf('.');
        try {
            return Integer.valueOf(dot < 0 ? measureCode : measureCode.substring(0, dot));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String both(String lv, String en) {
        if (lv == null || lv.isBlank()) {
            return en;
        }
        return en == null || en.isBlank() || en.equals(lv) ? lv : lv + " / " + en;
    }

    private record Lookups(Map<Integer, Commitment> commitments, Map<String, Institution> institutions) {
    }

    /** The plan's commitments and institutions, read once per transaction (each read afresh outside one). */
    private Lookups lookups() {
        if (!TransactionScoped.isActive()) {
            return read();
        }
        return TransactionScoped.get(this, this::read, "");
    }

    private Lookups read() {
        return new Lookups(plan.commitmentsByNumber(), plan.institutionsByCode());
    }
}
