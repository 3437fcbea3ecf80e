package lv.opengov.reporting.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every row of an imported plan's tables before anything is written, naming table, row and
 * column of each problem. A measure may name institutions and commitments that exist or that the
 * same import brings; a funding line, measures that exist or that the import brings.
 */
final class PlanRowChecks {

    private static final Pattern INSTITUTION_CODE = Pattern.compile("[A-Z][A-Z0-9]{0,31}");
    private static final Pattern MEASURE_CODE = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern OGP_ID = Pattern.compile("[A-Z]{2}\\d{4}");
    private static final Set<String> LANGUAGES = Set.of("lv", "en");

    private final ImportMessages messages;

    PlanRowChecks(ImportMessages messages) {
        this.messages = messages;
    }

    /** The rows of each table that passed, in the order of their files. */
    record Checked(List<InstitutionRow> institutions, List<CommitmentRow> commitments, List<MeasureRow> measures,
            List<FundingRow> funding, List<MilestoneRow> milestones, List<IndicatorRow> indicators) {
    }

    record MilestoneRow(String measure, int number, String titleLv, String titleEn, java.time.LocalDate dueDate) {
    }

    record IndicatorRow(String measure, int number, String titleLv, String titleEn, String unit, BigDecimal baseline,
            BigDecimal target, java.time.LocalDate targetDate) {
    }

    /** {@code kind} is null when the file has no such column: the institution keeps its kind. */
    record InstitutionRow(String code, String nameLv, String nameEn, String contactEmail,
            String headEmail, String language, InstitutionKind kind) {
    }

    record CommitmentRow(int number, String ogpId, String titleLv, String titleEn) {
    }

    /** {@code implementers} is null when the file has no such column: the measure keeps its own. */
    record MeasureRow(String code, int commitment, String titleLv, String titleEn, String responsible,
            List<String> coResponsible, List<String> implementers) {
    }

    record FundingRow(List<String> measures, Integer year, BigDecimal amountEur, Integer projects,
            String purpose) {
    }

    /**
     * Checks the tables' rows against each other and against what the plan holds already: the codes of
     * its institutions and measures and the numbers of its commitments. Every problem goes into
     * {@code errors}; the rows that passed are returned.
     */
    Checked check(Map<PlanTable, List<CsvTableReader.Row>> rows, Map<String, InstitutionKind> institutionKinds,
            Set<Integer> commitmentNumbers, Set<String> measureCodes, List<ImportError> errors) {
        List<InstitutionRow> institutions = validateInstitutions(rows.get(PlanTable.INSTITUTIONS), errors);
        List<CommitmentRow> commitments = validateCommitments(rows.get(PlanTable.COMMITMENTS), errors);
        Map<String, InstitutionKind> knownInstitutions = new HashMap<>(institutionKinds);
        institutions.forEach(r -> knownInstitutions.put(r.code(),
                r.kind() != null ? r.kind() : institutionKinds.getOrDefault(r.code(), InstitutionKind.INSTITUTION)));
        Set<Integer> knownCommitments = new HashSet<>(commitmentNumbers);
        commitments.forEach(r -> knownCommitments.add(r.number()));
        List<MeasureRow> measures = validateMeasures(rows.get(PlanTable.MEASURES), knownInstitutions,
                knownCommitments, errors);
        Set<String> knownMeasures = new HashSet<>(measureCodes);
        measures.forEach(r -> knownMeasures.add(r.code()));
        List<FundingRow> funding = validateFunding(rows.get(PlanTable.FUNDING), knownMeasures, errors);
        List<MilestoneRow> milestones = new ArrayList<>();
        for (KeyedRow keyed : keyedRows(PlanTable.MILESTONES, rows.get(PlanTable.MILESTONES), knownMeasures, errors)) {
            java.time.LocalDate due = keyed.check().date("due_date");
            if (keyed.row().get("due_date") == null) {
                keyed.check().fail("due_date", "import.required");
            }
            if (keyed.check().isValid()) {
                milestones.add(new MilestoneRow(keyed.measure(), keyed.number(), keyed.titleLv(), keyed.titleEn(), due));
            }
        }
        List<IndicatorRow> indicators = new ArrayList<>();
        for (KeyedRow keyed : keyedRows(PlanTable.INDICATORS, rows.get(PlanTable.INDICATORS), knownMeasures, errors)) {
            RowCheck check = keyed.check();
            String unit = check.required("unit");
            BigDecimal baseline = check.decimal("baseline");
            BigDecimal target = check.decimal("target");
            java.time.LocalDate targetDate = check.date("target_date");
            if (check.isValid()) {
                indicators.add(new IndicatorRow(keyed.measure(), keyed.number(), keyed.titleLv(), keyed.titleEn(), unit,
                        baseline, target, targetDate));
            }
        }
        return new Checked(institutions, commitments, measures, funding, milestones, indicators);
    }

    /** A row of milestones or indicators with its key (measure, number) and titles checked; the rest to check. */
    private record KeyedRow(CsvTableReader.Row row, RowCheck check, String measure, Integer number, String titleLv,
            String titleEn) {
    }

    /**
     * Checks what milestones and indicators share: a measure of the plan or the import, a number from 1 that
     * no other row of the file gives the same measure, and a title in at least one language.
     */
    private List<KeyedRow> keyedRows(PlanTable table, List<CsvTableReader.Row> rows, Set<String> knownMeasures,
            List<ImportError> errors) {
        List<KeyedRow> keyed = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTableReader.Row row : nullSafe(rows)) {
            RowCheck check = new RowCheck(messages, table, row, errors);
            String measure = check.matching("measure", MEASURE_CODE, "import.measure.code.malformed");
            if (measure != null && !knownMeasures.contains(measure)) {
                check.fail("measure", "import.measure.unknown", measure);
            }
            check.required("number");
            Integer number = check.integer("number", 1, 999);
            if (measure != null && number != null && seen.putIfAbsent(measure + "/" + number, row.number()) != null) {
                check.fail("number", "import.duplicate", measure + " " + number, seen.get(measure + "/" + number));
            }
            String titleLv = check.fitting("title_lv", row.get("title_lv"));
            String titleEn = check.fitting("title_en", row.get("title_en"));
            if (row.get("title_lv") == null && row.get("title_en") == null) {
                check.fail("title_en", "import.title.missing");
            }
            keyed.add(new KeyedRow(row, check, measure, number, titleLv, titleEn));
        }
        return keyed;
    }

    private List<InstitutionRow> validateInstitutions(List<CsvTableReader.Row> rows, List<ImportError> errors) {
        List<InstitutionRow> valid = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTableReader.Row row : nullSafe(rows)) {
            RowCheck check = new RowCheck(messages, PlanTable.INSTITUTIONS, row, errors);
            String code = check.matching("code", INSTITUTION_CODE, "import.institution.code.malformed");
            if (code != null && seen.putIfAbsent(code, row.number()) != null) {
                check.fail("code", "import.duplicate", code, seen.get(code));
            }
            String nameLv = check.required("name_lv");
            String nameEn = check.required("name_en");
            String contact = check.email("contact_email", true);
            String head = check.email("head_email", false);
            String language = check.required("language");
            if (language != null && !LANGUAGES.contains(language)) {
                check.fail("language", "import.language.invalid", language);
            }
            InstitutionKind kind = row.has("kind") ? InstitutionKind.fromCell(row.get("kind")) : null;
            if (row.has("kind") && kind == null) {
                check.fail("kind", "import.institution.kind.invalid", row.get("kind"));
            }
            if (check.isValid()) {
                valid.add(new InstitutionRow(code, nameLv, nameEn, contact, head, language, kind));
            }
        }
        return valid;
    }

    private List<CommitmentRow> validateCommitments(List<CsvTableReader.Row> rows, List<ImportError> errors) {
        List<CommitmentRow> valid = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        for (CsvTableReader.Row row : nullSafe(rows)) {
            RowCheck check = new RowCheck(messages, PlanTable.COMMITMENTS, row, errors);
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
            if (check.isValid()) {
                valid.add(new CommitmentRow(number, ogpId, titleLv, titleEn));
            }
        }
        return valid;
    }

    private List<MeasureRow> validateMeasures(List<CsvTableReader.Row> rows, Map<String, InstitutionKind> knownInstitutions,
            Set<Integer> knownCommitments, List<ImportError> errors) {
        List<MeasureRow> valid = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTableReader.Row row : nullSafe(rows)) {
            RowCheck check = new RowCheck(messages, PlanTable.MEASURES, row, errors);
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
            if (responsible != null && !knownInstitutions.containsKey(responsible)) {
                check.fail("responsible", "import.institution.unknown", responsible);
            } else if (responsible != null && knownInstitutions.get(responsible) != InstitutionKind.INSTITUTION) {
                check.fail("responsible", "import.implementer.not-institution", responsible);
            }
            List<String> coResponsible = codes(row.get("co_responsible"));
            Set<String> distinct = new HashSet<>();
            if (responsible != null) {
                distinct.add(responsible);
            }
            for (String other : coResponsible) {
                if (!knownInstitutions.containsKey(other)) {
                    check.fail("co_responsible", "import.institution.unknown", other);
                } else if (other.equals(responsible)) {
                    check.fail("co_responsible", "import.co-responsible.same", other);
                } else if (!distinct.add(other)) {
                    check.fail("co_responsible", "import.co-responsible.repeated", other);
                } else if (knownInstitutions.get(other) != InstitutionKind.INSTITUTION) {
                    check.fail("co_responsible", "import.implementer.not-institution", other);
                }
            }
            List<String> implementers = row.has("implementers") ? codes(row.get("implementers")) : null;
            for (String other : implementers == null ? List.<String>of() : implementers) {
                if (!knownInstitutions.containsKey(other)) {
                    check.fail("implementers", "import.institution.unknown", other);
                } else if (knownInstitutions.get(other) != InstitutionKind.IMPLEMENTER) {
                    check.fail("implementers", "import.implementer.not-implementer", other);
                } else if (!distinct.add(other)) {
                    check.fail("implementers", "import.co-responsible.repeated", other);
                }
            }
            if (check.isValid()) {
                valid.add(new MeasureRow(code, commitment, titleLv, titleEn, responsible, coResponsible,
                        implementers));
            }
        }
        return valid;
    }

    private List<FundingRow> validateFunding(List<CsvTableReader.Row> rows, Set<String> knownMeasures,
            List<ImportError> errors) {
        List<FundingRow> valid = new ArrayList<>();
        for (CsvTableReader.Row row : nullSafe(rows)) {
            RowCheck check = new RowCheck(messages, PlanTable.FUNDING, row, errors);
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
            if (check.isValid()) {
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
}
