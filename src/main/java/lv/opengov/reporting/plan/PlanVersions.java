package lv.opengov.reporting.plan;

import lv.opengov.reporting.plan.internal.CommitmentRepository;
import lv.opengov.reporting.plan.internal.InstitutionRepository;
import lv.opengov.reporting.plan.internal.MeasureRepository;

import static lv.opengov.reporting.common.TextRules.blankToNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import lv.opengov.reporting.common.ApiError.FieldProblem;
import lv.opengov.reporting.common.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's versions: the original and each refreshed plan, kept as snapshots so that any two can be
 * compared; and the application of a refresh's changes to the plan. Reports record the version they
 * were written against ({@link #currentNumber()}).
 */
@Service
@Transactional
public class PlanVersions {

    private final JdbcTemplate jdbc;
    private final MeasureRepository measures;
    private final InstitutionRepository institutions;
    private final CommitmentRepository commitments;
    private final Clock clock;

    PlanVersions(JdbcTemplate jdbc, MeasureRepository measures, InstitutionRepository institutions,
            CommitmentRepository commitments, Clock clock) {
        this.jdbc = jdbc;
        this.measures = measures;
        this.institutions = institutions;
        this.commitments = commitments;
        this.clock = clock;
    }

    /** A measure as one version of the plan has it. */
    public record VersionedMeasure(String code, int commitment, String titleLv, String titleEn, String responsible,
            String coResponsible, String deadline) {
    }

    /** A version of the plan. */
    public record Version(long id, int number, String label) {
    }

    /** What differs between two versions for one measure; before or after is null for added or removed ones. */
    public record Difference(String code, VersionedMeasure before, VersionedMeasure after) {
    }

    /** The current version's number; 1 while the plan has never been refreshed. */
    @Transactional(readOnly = true)
    public int currentNumber() {
        Integer number = jdbc.queryForObject("select max(number) from plan_version", Integer.class);
        return number == null ? 1 : number;
    }

    /** Keeps the plan as it stands as version 1, unless a version exists already. */
    public Version ensureOriginal(String label) {
        List<Version> existing = versions();
        return existing.isEmpty() ? snapshot(label, null) : existing.get(0);
    }

    @Transactional(readOnly = true)
    public List<Version> versions() {
        return jdbc.query("select id, number, label from plan_version order by number",
                (rs, i) -> new Version(rs.getLong(1), rs.getInt(2), rs.getString(3)));
    }

    /** Checks an edit against the plan as it stands; the problems are named by field. */
    @Transactional(readOnly = true)
    public List<FieldProblem> check(PlanEdit edit, java.util.function.BiFunction<String, Object[], String> message) {
        List<FieldProblem> problems = new ArrayList<>();
        if (edit.kind() == null) {
            problems.add(new FieldProblem("kind", message.apply("refresh.change.kind", new Object[0])));
            return problems;
        }
        boolean exists = edit.measureCode() != null && measures.findAll().stream()
                .anyMatch(m -> m.getCode().equals(edit.measureCode()));
        boolean adding = edit.kind() == PlanEdit.Kind.NEW_MEASURE || edit.kind() == PlanEdit.Kind.NEW_MILESTONE;
        if (edit.measureCode() == null || !edit.measureCode().matches("\\d{1,3}\\.\\d{1,3}")) {
            problems.add(new FieldProblem("measureCode", message.apply("refresh.change.code", new Object[0])));
        } else if (adding && exists) {
            problems.add(new FieldProblem("measureCode", message.apply("refresh.change.exists",
                    new Object[] {edit.measureCode()})));
        } else if (!adding && !exists) {
            problems.add(new FieldProblem("measureCode", message.apply("refresh.change.unknown",
                    new Object[] {edit.measureCode()})));
        }
        if (adding) {
            if (edit.commitment() == null || commitments.findByNumber(edit.commitment()).isEmpty()) {
                problems.add(new FieldProblem("commitment", message.apply("refresh.change.commitment", new Object[0])));
            }
            if (blank(edit.titleLv()) && blank(edit.titleEn())) {
                problems.add(new FieldProblem("titleLv", message.apply("refresh.change.title", new Object[0])));
            }
        }
        if (edit.kind() == PlanEdit.Kind.TITLE_CHANGED && blank(edit.titleLv()) && blank(edit.titleEn())) {
            problems.add(new FieldProblem("titleLv", message.apply("refresh.change.title", new Object[0])));
        }
        if ((adding || edit.kind() == PlanEdit.Kind.INSTITUTION_CHANGED)
                && (edit.responsible() == null || institutions.findByCode(edit.responsible()).isEmpty())) {
            problems.add(new FieldProblem("responsible", message.apply("refresh.change.institution",
                    new Object[] {String.valueOf(edit.responsible())})));
        }
        if (edit.kind() == PlanEdit.Kind.DEADLINE_CHANGED && blank(edit.deadline())) {
            problems.add(new FieldProblem("deadline", message.apply("refresh.change.deadline", new Object[0])));
        }
        return problems;
    }

    /**
     * Applies a refresh's edits to the plan, in order, and keeps the result as a new version. A
     * removed measure stays in the tables (its reports point at it) but is marked removed.
     */
    public Version apply(List<PlanEdit> edits, String label, Long refreshId) {
        for (PlanEdit edit : edits) {
            // recorded edits were checked then; the plan may have moved on since
            List<FieldProblem> problems = check(edit, (code, args) -> code);
            if (!problems.isEmpty()) {
                throw new InvalidInputException("invalid change", problems);
            }
            Measure measure = measures.findAll().stream().filter(m -> m.getCode().equals(edit.measureCode()))
                    .findFirst().orElse(null);
            switch (edit.kind()) {
                case NEW_MEASURE, NEW_MILESTONE -> {
                    // everything read before the new measure is saved, so that no query flushes it half-made
                    Commitment commitment = commitments.findByNumber(edit.commitment()).orElseThrow();
                    Institution responsible = institutions.findByCode(edit.responsible()).orElseThrow();
                    Measure added = new Measure(edit.measureCode());
                    added.update(commitment, blankToNull(edit.titleLv()), blankToNull(edit.titleEn()), responsible,
                            new java.util.LinkedHashSet<>());
                    added.changeDeadline(blankToNull(edit.deadline()));
                    measures.save(added);
                }
                case TITLE_CHANGED -> measure.update(measure.getCommitment(),
                        blank(edit.titleLv()) ? measure.getTitleLv() : edit.titleLv(),
                        blank(edit.titleEn()) ? measure.getTitleEn() : edit.titleEn(), measure.getResponsible(),
                        new java.util.LinkedHashSet<>(measure.getCoResponsible()));
                case DEADLINE_CHANGED -> measure.changeDeadline(edit.deadline());
                case INSTITUTION_CHANGED -> measure.update(measure.getCommitment(), measure.getTitleLv(),
                        measure.getTitleEn(), institutions.findByCode(edit.responsible()).orElseThrow(),
                        new java.util.LinkedHashSet<>(measure.getCoResponsible()));
                case REMOVED -> measure.markRemoved();
            }
        }
        measures.flush();
        return snapshot(label, refreshId);
    }

    /** Keeps the plan as it stands now as the next version. */
    public Version snapshot(String label, Long refreshId) {
        long id = jdbc.queryForObject(sequenceNext(), Long.class);
        int number = versions().isEmpty() ? 1 : currentNumber() + 1;
        jdbc.update("insert into plan_version (id, number, label, refresh_id, created_at) values (?, ?, ?, ?, ?)",
                id, number, label, refreshId, java.sql.Timestamp.from(clock.instant()));
        for (Measure m : measures.findAllForListing()) {
            if (m.isRemoved()) {
                continue;
            }
            jdbc.update("""
                    insert into plan_version_measure (version_id, code, commitment, title_lv, title_en, responsible,
                      co_responsible, deadline) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, m.getCode(), m.getCommitment().getNumber(), m.getTitleLv(), m.getTitleEn(),
                    m.getResponsible().getCode(), m.coResponsibleByCode().stream().map(Institution::getCode)
                            .collect(Collectors.joining(" ")), m.getDeadline());
        }
        return new Version(id, number, label);
    }

    /** Every measure that differs between two versions, in code order. */
    @Transactional(readOnly = true)
    public List<Difference> compare(int fromNumber, int toNumber) {
        Map<String, VersionedMeasure> before = measuresOf(fromNumber);
        Map<String, VersionedMeasure> after = measuresOf(toNumber);
        java.util.TreeSet<String> codes = new java.util.TreeSet<>(PlanService.MEASURE_CODE_ORDER);
        codes.addAll(before.keySet());
        codes.addAll(after.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String code : codes) {
            if (!Objects.equals(before.get(code), after.get(code))) {
                differences.add(new Difference(code, before.get(code), after.get(code)));
            }
        }
        return differences;
    }

    /** The measures of a version of the plan, in code order. */
    @Transactional(readOnly = true)
    public List<VersionedMeasure> measures(int number) {
        return measuresOf(number).values().stream()
                .sorted(java.util.Comparator.comparing(VersionedMeasure::code, PlanService.MEASURE_CODE_ORDER))
                .toList();
    }

    private Map<String, VersionedMeasure> measuresOf(int number) {
        Map<String, VersionedMeasure> result = new LinkedHashMap<>();
        jdbc.query("""
                select m.code, m.commitment, m.title_lv, m.title_en, m.responsible, m.co_responsible, m.deadline
                from plan_version_measure m join plan_version v on v.id = m.version_id where v.number = ?""",
                rs -> {
                    result.put(rs.getString(1), new VersionedMeasure(rs.getString(1), rs.getInt(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }, number);
        return result;
    }

    private String sequenceNext() {
        try (var connection = jdbc.getDataSource().getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
                    ? "select nextval('plan_version_seq')" : "select next value for plan_version_seq";
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
