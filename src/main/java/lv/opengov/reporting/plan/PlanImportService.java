package lv.opengov.reporting.plan;

import lv.opengov.reporting.plan.internal.CommitmentRepository;
import lv.opengov.reporting.plan.internal.InstitutionRepository;
import lv.opengov.reporting.plan.internal.MeasureRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the official plan table: reads each table's CSV ({@link CsvTableReader}), checks every row
 * of every table before anything is written ({@link PlanRowChecks}; one bad value refuses the whole
 * import), writes the rows ({@link PlanTableWriter}) and tells institutions of measures newly theirs
 * ({@link AssignmentMails}). Measures missing from a later file are kept, so that the reports written
 * against them stay attached.
 */
@Service
public class PlanImportService {

    private final InstitutionRepository institutions;
    private final CommitmentRepository commitments;
    private final MeasureRepository measures;
    private final ImportMessages messages;
    private final CsvTableReader reader;
    private final PlanRowChecks checks;
    private final PlanTableWriter writer;
    private final AssignmentMails assignmentMails;
    private final ApplicationEventPublisher events;

    PlanImportService(InstitutionRepository institutions, CommitmentRepository commitments,
            MeasureRepository measures, PlanTableWriter writer, AssignmentMails assignmentMails,
            MessageSource messageSource, ApplicationEventPublisher events) {
        this.institutions = institutions;
        this.commitments = commitments;
        this.measures = measures;
        this.writer = writer;
        this.assignmentMails = assignmentMails;
        this.events = events;
        this.messages = new ImportMessages(messageSource);
        this.reader = new CsvTableReader(messages);
        this.checks = new PlanRowChecks(messages);
    }

    /**
     * Imports the given tables (any of them, each as CSV bytes) in one transaction.
     *
     * @throws PlanImportException with every problem found, when any is; then nothing is stored
     */
    @Transactional
    public PlanImportResult importTables(Map<PlanTable, byte[]> files) {
        List<ImportError> errors = new ArrayList<>();
        if (files.isEmpty()) {
            errors.add(new ImportError(null, null, null, messages.get("import.nothing")));
            throw new PlanImportException(errors);
        }
        Map<PlanTable, List<CsvTableReader.Row>> rows = new EnumMap<>(PlanTable.class);
        files.forEach((table, content) -> rows.put(table, reader.read(table, content, errors)));

        Map<String, Institution> institutionsByCode = institutions.findAll().stream()
                .collect(Collectors.toMap(Institution::getCode, i -> i));
        Map<Integer, Commitment> commitmentsByNumber = commitments.findAll().stream()
                .collect(Collectors.toMap(Commitment::getNumber, c -> c));
        Map<String, Measure> measuresByCode = measures.findAll().stream()
                .collect(Collectors.toMap(Measure::getCode, m -> m));

        PlanRowChecks.Checked checked = checks.check(rows, institutionsByCode.values().stream()
                        .collect(Collectors.toMap(Institution::getCode, Institution::getKind)), commitmentsByNumber.keySet(),
                measuresByCode.keySet(), errors);
        if (!errors.isEmpty()) {
            throw new PlanImportException(errors);
        }

        Map<String, PlanImportResult.TableResult> result = new LinkedHashMap<>();
        if (files.containsKey(PlanTable.INSTITUTIONS)) {
            result.put(PlanTable.INSTITUTIONS.id(), writer.applyInstitutions(checked.institutions(),
                    institutionsByCode));
        }
        if (files.containsKey(PlanTable.COMMITMENTS)) {
            result.put(PlanTable.COMMITMENTS.id(), writer.applyCommitments(checked.commitments(),
                    commitmentsByNumber));
        }
        if (files.containsKey(PlanTable.MEASURES)) {
            // The first load of a plan assigns everything; only later changes are news to institutions.
            Map<Institution, List<MeasureAssignment>> assignments = measuresByCode.isEmpty() ? null
                    : new TreeMap<>(Comparator.comparing(Institution::getCode));
            result.put(PlanTable.MEASURES.id(), writer.applyMeasures(checked.measures(), measuresByCode,
                    institutionsByCode, commitmentsByNumber, assignments));
            if (assignments != null) {
                assignmentMails.queue(assignments);
            }
        }
        if (files.containsKey(PlanTable.FUNDING)) {
            result.put(PlanTable.FUNDING.id(), writer.applyFunding(checked.funding(), measuresByCode));
        }
        if (files.containsKey(PlanTable.MILESTONES)) {
            result.put(PlanTable.MILESTONES.id(), writer.applyMilestones(checked.milestones(), measuresByCode));
        }
        if (files.containsKey(PlanTable.INDICATORS)) {
            result.put(PlanTable.INDICATORS.id(), writer.applyIndicators(checked.indicators(), measuresByCode));
        }
        PlanImportResult imported = new PlanImportResult(result);
        events.publishEvent(new PlanChangedEvent(institutionsByCode.keySet().stream().sorted().toList(), imported));
        return imported;
    }

    /** Whether the plan holds any institution yet; the first start loads the bundled plan then. */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return institutions.count() == 0;
    }
}
