package lv.opengov.reporting.plan;

import lv.opengov.reporting.plan.internal.CommitmentRepository;
import lv.opengov.reporting.plan.internal.FundingLineRepository;
import lv.opengov.reporting.plan.internal.InstitutionRepository;
import lv.opengov.reporting.plan.internal.MeasureRepository;

import static lv.opengov.reporting.common.TextRules.MARKUP;
import static lv.opengov.reporting.common.TextRules.CONTROL;
import static lv.opengov.reporting.common.TextRules.LINE_BREAK_OR_CONTROL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lv.opengov.reporting.notification.Outbox;
import lv.opengov.reporting.notification.OutgoingMail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the official plan table. Every row of every table is validated before anything is
 * written; one bad value refuses the whole import. Rows are matched by their keys (institution code,
 * commitment number, measure code), so a re-import updates titles and assignments in place and the
 * reports written against a measure stay attached to it. Measures missing from a later file are
 * kept, for the same reason. Funding lines have no key of their own: an imported funding table
 * replaces the previous one.
 */
@Service
public class PlanImportService {

    private static final Pattern INSTITUTION_CODE = Pattern.compile("[A-Z][A-Z0-9]{0,31}");
    private static final Pattern MEASURE_CODE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern OGP_ID = Pattern.compile("[A-Z]{2}\\d{4}");
    private static final java.util.Set<String> SINGLE_LINE = java.util.Set.of("code", "name_lv", "name_en",
            "contact_email", "head_email", "language", "responsible", "co_responsible");
    private static final Pattern EMAIL = lv.opengov.reporting.notification.EmailAddresses.PATTERN;
    private static final Set<String> LANGUAGES = Set.of("lv", "en");
    private static final Map<String, Integer> MAX_LENGTH = Map.of("name_lv", 500, "name_en", 500,
            "contact_email", 320, "head_email", 320, "title_lv", 2000, "title_en", 2000, "purpose", 2000,
            "ogp_id", 32);

    private final InstitutionRepository institutions;
    private final CommitmentRepository commitments;
    private final MeasureRepository measures;
    private final FundingLineRepository fundingLines;
    private final ImportMessages messages;
    private final CsvTableReader reader;
    private final ApplicationEventPublisher events;
    private final Outbox outbox;

    PlanImportService(InstitutionRepository institutions, CommitmentRepository commitments,
            MeasureRepository measures, FundingLineRepository fundingLines, MessageSource messageSource,
            ApplicationEventPublisher events, Outbox outbox) {
        this.events = events;
        this.outbox = outbox;
        this.institutions = institutions;
        this.commitments = commitments;
        this.measures = measures;
        this.fundingLines = fundingLines;
        this.messages = new ImportMessages(messageSource);
        this.reader = new CsvTableReader(messages);
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

        List<InstitutionRow> institutionRows = validateInstitutions(rows.get(PlanTable.INSTITUTIONS), errors);
        List<CommitmentRow> commitmentRows = validateCommitments(rows.get(PlanTable.COMMITMENTS), errors);
        Set<String> knownInstitutions = new HashSet<>(institutionsByCode.keySet());
        institutionRows.forEach(r -> knownInstitutions.add(r.code()));
        Set<Integer> knownCommitments = new HashSet<>(commitmentsByNumber.keySet());
        commitmentRows.forEach(r -> knownCommitments.add(r.number()));
        List<MeasureRow> measureRows = validateMeasures(rows.get(PlanTable.MEASURES), knownInstitutions,
                knownCommitments, errors);
        Set<String> knownMeasures = new HashSet<>(measuresByCode.keySet());
        measureRows.forEach(r -> knownMeasures.add(r.code()));
        List<FundingRow> fundingRows = validateFunding(rows.get(PlanTable.FUNDING), knownMeasures, errors);
        if (!errors.isEmpty()) {
            throw new PlanImportException(errors);
        }

        Map<String, PlanImportResult.TableResult> result = new LinkedHashMap<>();
        if (files.containsKey(PlanTable.INSTITUTIONS)) {
            result.put(PlanTable.INSTITUTIONS.id(), applyInstitutions(institutionRows, institutionsByCode));
        }
        if (files.containsKey(PlanTable.COMMITMENTS)) {
            result.put(PlanTable.COMMITMENTS.id(), applyCommitments(commitmentRows, commitmentsByNumber));
        }
        if (files.containsKey(PlanTable.MEASURES)) {
            // The first load of a plan assigns everything; only later changes are news to institutions.
            Map<Institution, List<Assignment>> assignments = measuresByCode.isEmpty() ? null : new TreeMap<>(
                    java.util.Comparator.comparing(Institution::getCode));
            result.put(PlanTable.MEASURES.id(), applyMeasures(measureRows, measuresByCode, institutionsByCode,
                    commitmentsByNumber, assignments));
            if (assignments != null) {
                notifyAssignments(assignments);
            }
        }
        if (files.containsKey(PlanTable.FUNDING)) {
            result.put(PlanTable.FUNDING.id(), applyFunding(fundingRows, measuresByCode));
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

    // --- validation -------------------------------------------------------------------------

    private record InstitutionRow(String code, String nameLv, String nameEn, String contactEmail,
            String headEmail, String language) {
    }

    private record CommitmentRow(int number, String ogpId, String titleLv, String titleEn) {
    }

    private record MeasureRow(String code, int commitment, String titleLv, String titleEn, String responsible,
            List<String> coResponsible) {
    }

    private record FundingRow(List<String> measures, Integer year, BigDecimal amountEur, Integer projects,
            String purpose) {
    }

    /** Collects the errors of one row, naming table, row and column. */
    private final class RowCheck {
        private final PlanTable table;
        private final CsvTableReader.Row row;
        private final List<ImportError> errors;
        private boolean valid = true;

        RowCheck(PlanTable table, CsvTableReader.Row row, List<ImportError> errors) {
            this.table = table;
            this.row = row;
            this.errors = errors;
        }

        void fail(String column, String code, Object... args) {
            errors.add(new ImportError(table.id(), row.number(), column, messages.get(code, args)));
            valid = false;
        }

        String required(String column) {
            String value = row.get(column);
            if (value == null) {
                fail(column, "import.required");
            }
            return fitting(column, value);
        }

        /** The value, unless it is longer than its column holds. */
        String fitting(String column, String value) {
            Integer max = MAX_LENGTH.get(column);
            if (value != null && max != null && value.length() > max) {
                fail(column, "report.text.too-long", max, value.length());
                return null;
            }
            if (value != null && MARKUP.matcher(value).find()) {
                fail(column, "import.markup");
                return null;
            }
            // names and addresses go into mail greetings and headers: one line each
            if (value != null && (SINGLE_LINE.contains(column) ? LINE_BREAK_OR_CONTROL : CONTROL).matcher(value).find()) {
                fail(column, "import.control");
                return null;
            }
            return value;
        }

        String matching(String column, Pattern pattern, String code) {
            String value = required(column);
            if (value != null && !pattern.matcher(value).matches()) {
                fail(column, code, value);
                return null;
            }
            return value;
        }

        Integer integer(String column, int min, int max) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    fail(column, "import.number.range", value, min, max);
                    return null;
                }
                return number;
            } catch (NumberFormatException e) {
                fail(column, "import.number.invalid", value);
                return null;
            }
        }
    }

    private List<InstitutionRow> validateInstitutions(List<CsvTableReader.Row> rows, List<ImportError> errors) {
        List<InstitutionRow> valid = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTableReader.Row row : nullSafe(rows)) {
            RowCheck check = new RowCheck(PlanTable.INSTITUTIONS, row, errors);
            String code = check.matching("code", INSTITUTION_CODE, "import.institution.code.malformed");
            if (code != null && seen.putIfAbsent(code, row.number()) != null) {
                check.fail("code", "import.duplicate", code, seen.get(code));
            }
            String nameLv = check.required("name_lv");
            String nameEn = check.required("name_en");
            String contact = check.matching("contact_email", EMAIL, "import.email.invalid");
            String head = check.fitting("head_email", row.get("head_email"));
            if (head != null && !EMAIL.matcher(head).matches()) {
                check.fail("head_email", "import.email.invalid", head);
            }
            String language = check.required("language");
            if (language != null && !LANGUAGES.contains(language)) {
                check.fail("language", "import.language.invalid", language);
            }
            if (check.valid) {
                valid.add(new InstitutionRow(code, nameLv, nameEn, contact, head, language));
            }
        }
        return valid;
    }

    private List<CommitmentRow> validateCommitments(List<CsvTableReader.Row> rows, List<ImportError> errors) {
        List<CommitmentRow> valid = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        for (CsvTableReader.Row row : nullSafe(rows)) {
            RowCheck check = new RowCheck(PlanTable.COMMITMENTS, row, errors);
            check.required("number");
            Integer number = check.integer("number", 1, 999);
            if (number != null && seen.putIfAbsent(number, row.number()) != null) {
                check.fail("number", "import.duplicate", number, seen.get(number));
            }
            String ogpId = row.get("ogp_id");
            if (ogpId != null && !OGP_ID.matcher(ogpId).matches()) {
                check.fail("ogp_id", "import.ogp-id.malformed", ogpId);
            }
            String titleLv = check.required("title_lv");
            String titleEn = check.required("title_en");
            if (check.valid) {
                valid.add(new CommitmentRow(number, ogpId, titleLv, titleEn));
            }
        }
        return valid;
    }

    private List<MeasureRow> validateMeasures(List<CsvTableReader.Row> rows, Set<String> knownInstitutions,
            Set<Integer> knownCommitments, List<ImportError> errors) {
        List<MeasureRow> valid = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTableReader.Row row : nullSafe(rows)) {
            RowCheck check = new RowCheck(PlanTable.MEASURES, row, errors);
            String code = check.matching("code", MEASURE_CODE, "import.measure.code.malformed");
            if (code != null && seen.putIfAbsent(code, row.number()) != null) {
                check.fail("code", "import.duplicate", code, seen.get(code));
            }
            check.required("commitment");
            Integer commitment = check.integer("commitment", 1, 999);
            if (commitment != null && !knownCommitments.contains(commitment)) {
                check.fail("commitment", "import.commitment.unknown", commitment);
            } else if (commitment != null && code != null && !code.startsWith(commitment + ".")) {
                check.fail("code", "import.measure.code.commitment", code, commitment);
            }
            String titleLv = check.fitting("title_lv", row.get("title_lv"));
            String titleEn = check.fitting("title_en", row.get("title_en"));
            if (row.get("title_lv") == null && row.get("title_en") == null) {
                check.fail("title_en", "import.measure.title.missing");
            }
            String responsible = check.required("responsible");
            if (responsible != null && !knownInstitutions.contains(responsible)) {
                check.fail("responsible", "import.institution.unknown", responsible);
            }
            List<String> coResponsible = codes(row.get("co_responsible"));
            Set<String> distinct = new HashSet<>();
            for (String other : coResponsible) {
                if (!knownInstitutions.contains(other)) {
                    check.fail("co_responsible", "import.institution.unknown", other);
                } else if (other.equals(responsible)) {
                    check.fail("co_responsible", "import.co-responsible.same", other);
                } else if (!distinct.add(other)) {
                    check.fail("co_responsible", "import.co-responsible.repeated", other);
                }
            }
            if (check.valid) {
                valid.add(new MeasureRow(code, commitment, titleLv, titleEn, responsible, coResponsible));
            }
        }
        return valid;
    }

    private List<FundingRow> validateFunding(List<CsvTableReader.Row> rows, Set<String> knownMeasures,
            List<ImportError> errors) {
        List<FundingRow> valid = new ArrayList<>();
        for (CsvTableReader.Row row : nullSafe(rows)) {
            RowCheck check = new RowCheck(PlanTable.FUNDING, row, errors);
            List<String> measureCodes = codes(check.required("measures"));
            for (String code : measureCodes) {
                if (!knownMeasures.contains(code)) {
                    check.fail("measures", "import.measure.unknown", code);
                }
            }
            Integer year = check.integer("year", 2000, 2100);
            BigDecimal amount = null;
            String amountText = check.required("amount_eur");
            if (amountText != null) {
                try {
                    amount = new BigDecimal(amountText.replace(" ", "").replace(',', '.'));
                    if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 12) {
                        check.fail("amount_eur", "import.amount.invalid", amountText);
                    }
                } catch (NumberFormatException e) {
                    check.fail("amount_eur", "import.amount.invalid", amountText);
                }
            }
            Integer projects = check.integer("projects", 0, 100_000);
            String purpose = check.required("purpose");
            if (check.valid) {
                valid.add(new FundingRow(measureCodes, year, amount, projects, purpose));
            }
        }
        return valid;
    }

    private static List<CsvTableReader.Row> nullSafe(List<CsvTableReader.Row> rows) {
        return rows == null ? List.of() : rows;
    }

    /** Institution or measure codes listed in one cell, separated by spaces, commas or semicolons. */
    private static List<String> codes(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split("[\\s,;]+")).filter(s -> !s.isEmpty()).toList();
    }

    // --- applying -----------------------------------------------------------------------------

    private PlanImportResult.TableResult applyInstitutions(List<InstitutionRow> rows,
            Map<String, Institution> byCode) {
        Counter counter = new Counter();
        for (InstitutionRow row : rows) {
            Institution institution = byCode.get(row.code());
            boolean created = institution == null;
            if (created) {
                institution = new Institution(row.code());
            }
            boolean changed = institution.update(row.nameLv(), row.nameEn(), row.contactEmail(), row.headEmail(),
                    row.language());
            if (created) {
                institutions.save(institution);
                byCode.put(row.code(), institution);
            }
            counter.count(created, changed);
        }
        return counter.result();
    }

    private PlanImportResult.TableResult applyCommitments(List<CommitmentRow> rows,
            Map<Integer, Commitment> byNumber) {
        Counter counter = new Counter();
        for (CommitmentRow row : rows) {
            Commitment commitment = byNumber.get(row.number());
            boolean created = commitment == null;
            if (created) {
                commitment = new Commitment(row.number());
            }
            boolean changed = commitment.update(row.ogpId(), row.titleLv(), row.titleEn());
            if (created) {
                commitments.save(commitment);
                byNumber.put(row.number(), commitment);
            }
            counter.count(created, changed);
        }
        return counter.result();
    }

    /** A measure newly given to an institution by an import. */
    public record Assignment(String code, String titleLv, String titleEn, boolean responsible) {

        public String title(java.util.Locale locale) {
            return Titles.in(locale, titleLv, titleEn);
        }
    }

    private PlanImportResult.TableResult applyMeasures(List<MeasureRow> rows, Map<String, Measure> byCode,
            Map<String, Institution> institutionsByCode, Map<Integer, Commitment> commitmentsByNumber,
            Map<Institution, List<Assignment>> assignments) {
        Counter counter = new Counter();
        for (MeasureRow row : rows) {
            Measure measure = byCode.get(row.code());
            boolean created = measure == null;
            if (created) {
                measure = new Measure(row.code());
            }
            Institution responsible = institutionsByCode.get(row.responsible());
            Set<Institution> coResponsible = new LinkedHashSet<>();
            row.coResponsible().forEach(code -> coResponsible.add(institutionsByCode.get(code)));
            if (assignments != null) {
                if (measure.getResponsible() != responsible) {
                    assignments.computeIfAbsent(responsible, i -> new ArrayList<>())
                            .add(new Assignment(row.code(), row.titleLv(), row.titleEn(), true));
                }
                for (Institution other : coResponsible) {
                    if (!measure.getCoResponsible().contains(other)) {
                        assignments.computeIfAbsent(other, i -> new ArrayList<>())
                                .add(new Assignment(row.code(), row.titleLv(), row.titleEn(), false));
                    }
                }
            }
            boolean changed = measure.update(commitmentsByNumber.get(row.commitment()), row.titleLv(),
                    row.titleEn(), responsible, coResponsible);
            if (created) {
                measures.save(measure);
                byCode.put(row.code(), measure);
            }
            counter.count(created, changed);
        }
        return counter.result();
    }

    /** Tells each institution, in the same transaction as the import, which measures it now has. */
    private void notifyAssignments(Map<Institution, List<Assignment>> assignments) {
        String importId = UUID.randomUUID().toString();
        assignments.forEach((institution, measures) -> outbox.queue(new OutgoingMail(
                "measure-assigned:" + importId + ":" + institution.getCode(), "measure-assigned",
                List.of(institution.getContactEmail()), List.of(), institution.locale(),
                Map.of("institution", institution, "assignments", measures), List.of(measures.size()), null)));
    }

    private PlanImportResult.TableResult applyFunding(List<FundingRow> rows, Map<String, Measure> measuresByCode) {
        fundingLines.deleteAll(fundingLines.findAll());
        for (FundingRow row : rows) {
            Set<Measure> funded = new LinkedHashSet<>();
            row.measures().forEach(code -> funded.add(measuresByCode.get(code)));
            fundingLines.save(new FundingLine(row.year(), row.amountEur(), row.projects(), row.purpose(), funded));
        }
        return new PlanImportResult.TableResult(rows.size(), 0, 0);
    }

    private static final class Counter {
        private int created;
        private int updated;
        private int unchanged;

        void count(boolean wasCreated, boolean changed) {
            if (wasCreated) {
                created++;
            } else if (changed) {
                updated++;
            } else {
                unchanged++;
            }
        }

        PlanImportResult.TableResult result() {
            return new PlanImportResult.TableResult(created, updated, unchanged);
        }
    }
}
