package lv.opengov.reporting.plan;

import lv.opengov.reporting.plan.internal.CommitmentRepository;
import lv.opengov.reporting.plan.internal.InstitutionRepository;
import lv.opengov.reporting.plan.internal.MeasureRepository;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the plan for the other features and the API. */
@Service
@Transactional(readOnly = true)
public class PlanService {

    /** Orders measure codes numerically: 1.2 before 1.10. */
    public static final Comparator<String> MEASURE_CODE_ORDER = Comparator
            .comparingInt((String code) -> Integer.parseInt(code.substring(0, code.indexOf('.'))))
            .thenComparingInt(code -> Integer.parseInt(code.substring(code.indexOf('.') + 1)));

    private final MeasureRepository measures;
    private final InstitutionRepository institutions;
    private final CommitmentRepository commitments;
    private final lv.opengov.reporting.plan.internal.FundingLineRepository fundingLines;
    private final lv.opengov.reporting.plan.internal.MilestoneRepository milestones;
    private final lv.opengov.reporting.plan.internal.IndicatorRepository indicators;

    PlanService(MeasureRepository measures, InstitutionRepository institutions, CommitmentRepository commitments,
            lv.opengov.reporting.plan.internal.FundingLineRepository fundingLines,
            lv.opengov.reporting.plan.internal.MilestoneRepository milestones,
            lv.opengov.reporting.plan.internal.IndicatorRepository indicators) {
        this.milestones = milestones;
        this.indicators = indicators;
        this.fundingLines = fundingLines;
        this.measures = measures;
        this.institutions = institutions;
        this.commitments = commitments;
    }

    /** The commitments by number. */
    public java.util.Map<Integer, Commitment> commitmentsByNumber() {
        java.util.Map<Integer, Commitment> result = new java.util.TreeMap<>();
        commitments.findAll().forEach(c -> result.put(c.getNumber(), c));
        return result;
    }

    /** The institutions by code. */
    public java.util.Map<String, Institution> institutionsByCode() {
        java.util.Map<String, Institution> result = new java.util.TreeMap<>();
        institutions.findAll().forEach(i -> result.put(i.getCode(), i));
        return result;
    }

    public List<MeasureView> listMeasures() {
        return measures.findAllForListing().stream()
                .filter(m -> !m.isRemoved())
                .sorted(Comparator.comparing(Measure::getCode, MEASURE_CODE_ORDER))
                .map(MeasureView::of)
                .toList();
    }

    /** Every measure's id by its code. */
    public java.util.Map<String, Long> measureIdsByCode() {
        return measures.findAll().stream().collect(java.util.stream.Collectors.toMap(Measure::getCode, Measure::getId));
    }

    public List<Institution> listInstitutions() {
        return institutions.findAll().stream().sorted(Comparator.comparing(Institution::getCode)).toList();
    }

    /** The plan's funding lines (funding.csv), each with the measures it funds. */
    public List<FundingView> fundingLines() {
        return fundingLines.findAllWithMeasures().stream().map(FundingView::of).toList();
    }

    /** Every measure's milestones by measure code, by number, in one statement. */
    public java.util.Map<String, List<MilestoneView>> milestonesByMeasure() {
        return milestones.findAllWithMeasure().stream().map(MilestoneView::of)
                .sorted(Comparator.comparingInt(MilestoneView::number))
                .collect(java.util.stream.Collectors.groupingBy(MilestoneView::measureCode,
                        () -> new java.util.TreeMap<>(MEASURE_CODE_ORDER), java.util.stream.Collectors.toList()));
    }

    /** Every measure's indicators by measure code, by number, in one statement. */
    public java.util.Map<String, List<IndicatorView>> indicatorsByMeasure() {
        return indicators.findAllWithMeasure().stream().map(IndicatorView::of)
                .sorted(Comparator.comparingInt(IndicatorView::number))
                .collect(java.util.stream.Collectors.groupingBy(IndicatorView::measureCode,
                        () -> new java.util.TreeMap<>(MEASURE_CODE_ORDER), java.util.stream.Collectors.toList()));
    }

    /** One measure's milestones, by number, in one statement. */
    public List<MilestoneView> milestones(String measureCode) {
        return milestones.findByMeasureCode(measureCode).stream().map(MilestoneView::of).toList();
    }

    /** One measure's indicators, by number, in one statement. */
    public List<IndicatorView> indicators(String measureCode) {
        return indicators.findByMeasureCode(measureCode).stream().map(IndicatorView::of).toList();
    }

    public Optional<Institution> findInstitution(String code) {
        return institutions.findByCode(code);
    }
}
