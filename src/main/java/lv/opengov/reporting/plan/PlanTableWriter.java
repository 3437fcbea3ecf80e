package lv.opengov.reporting.plan;

import lv.opengov.reporting.plan.internal.CommitmentRepository;
import lv.opengov.reporting.plan.internal.FundingLineRepository;
import lv.opengov.reporting.plan.internal.IndicatorRepository;
import lv.opengov.reporting.plan.internal.MilestoneRepository;
import lv.opengov.reporting.plan.internal.InstitutionRepository;
import lv.opengov.reporting.plan.internal.MeasureRepository;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Writes an import's checked rows into the plan, matching rows by their keys (institution code,
 * commitment number, measure code), so that a re-import updates titles and assignments in place and
 * the reports written against a measure stay attached to it. Funding lines have no key of their own:
 * an imported funding table replaces the previous one. Each table's counts say what was created,
 * updated and left as it was.
 */
@Component
class PlanTableWriter {

    private final InstitutionRepository institutions;
    private final CommitmentRepository commitments;
    private final MeasureRepository measures;
    private final FundingLineRepository fundingLines;
    private final MilestoneRepository milestones;
    private final IndicatorRepository indicators;

    PlanTableWriter(InstitutionRepository institutions, CommitmentRepository commitments, MeasureRepository measures,
            FundingLineRepository fundingLines, MilestoneRepository milestones, IndicatorRepository indicators) {
        this.milestones = milestones;
        this.indicators = indicators;
        this.institutions = institutions;
        this.commitments = commitments;
        this.measures = measures;
        this.fundingLines = fundingLines;
    }

    PlanImportResult.TableResult applyInstitutions(List<PlanRowChecks.InstitutionRow> rows,
            Map<String, Institution> byCode) {
        Counter counter = new Counter();
        for (PlanRowChecks.InstitutionRow row : rows) {
            Institution institution = byCode.get(row.code());
            boolean created = institution == null;
            if (created) {
                institution = new Institution(row.code());
            }
            boolean changed = institution.update(row.nameLv(), row.nameEn(), row.contactEmail(), row.headEmail(),
                    row.language());
            if (row.kind() != null) {
                changed |= institution.changeKind(row.kind());
            }
            if (created) {
                institutions.save(institution);
                byCode.put(row.code(), institution);
            }
            counter.count(created, changed);
        }
        return counter.result();
    }

    PlanImportResult.TableResult applyCommitments(List<PlanRowChecks.CommitmentRow> rows,
            Map<Integer, Commitment> byNumber) {
        Counter counter = new Counter();
        for (PlanRowChecks.CommitmentRow row : rows) {
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

    PlanImportResult.TableResult applyMeasures(List<PlanRowChecks.MeasureRow> rows, Map<String, Measure> byCode,
            Map<String, Institution> institutionsByCode, Map<Integer, Commitment> commitmentsByNumber,
            Map<Institution, List<MeasureAssignment>> assignments) {
        Counter counter = new Counter();
        for (PlanRowChecks.MeasureRow row : rows) {
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
                            .add(new MeasureAssignment(row.code(), row.titleLv(), row.titleEn(), true));
                }
                for (Institution other : coResponsible) {
                    if (!measure.getCoResponsible().contains(other)) {
                        assignments.computeIfAbsent(other, i -> new ArrayList<>())
                                .add(new MeasureAssignment(row.code(), row.titleLv(), row.titleEn(), false));
                    }
                }
            }
            boolean changed = measure.update(commitmentsByNumber.get(row.commitment()), row.titleLv(),
                    row.titleEn(), responsible, coResponsible);
            if (row.implementers() != null) {
                Set<Institution> implementers = new LinkedHashSet<>();
                row.implementers().forEach(code -> implementers.add(institutionsByCode.get(code)));
                if (assignments != null) {
                    for (Institution other : implementers) {
                        if (!measure.implementersByCode().contains(other)) {
                            assignments.computeIfAbsent(other, i -> new ArrayList<>())
                                    .add(new MeasureAssignment(row.code(), row.titleLv(), row.titleEn(), false));
                        }
                    }
                }
                changed |= measure.changeImplementers(implementers);
            }
            if (created) {
                measures.save(measure);
                byCode.put(row.code(), measure);
            }
            counter.count(created, changed);
        }
        return counter.result();
    }

    PlanImportResult.TableResult applyFunding(List<PlanRowChecks.FundingRow> rows, Map<String, Measure> measuresByCode) {
        fundingLines.deleteAll(fundingLines.findAll());
        for (PlanRowChecks.FundingRow row : rows) {
            Set<Measure> funded = new LinkedHashSet<>();
            row.measures().forEach(code -> funded.add(measuresByCode.get(code)));
            fundingLines.save(new FundingLine(row.year(), row.amountEur(), row.projects(), row.purpose(), funded));
        }
        return new PlanImportResult.TableResult(rows.size(), 0, 0);
    }

    /**
     * Milestones are keyed by measure and number: a re-import updates them in place (so that what reports
     * said of them stays attached) and keeps those a later file leaves out.
     */
    PlanImportResult.TableResult applyMilestones(List<PlanRowChecks.MilestoneRow> rows, Map<String, Measure> measuresByCode) {
        Map<String, Milestone> byKey = new java.util.HashMap<>();
        milestones.findAllWithMeasure().forEach(m -> byKey.put(m.getMeasure().getCode() + "/" + m.getNumber(), m));
        Counter counter = new Counter();
        for (PlanRowChecks.MilestoneRow row : rows) {
            Milestone milestone = byKey.get(row.measure() + "/" + row.number());
            boolean created = milestone == null;
            if (created) {
                milestone = new Milestone(measuresByCode.get(row.measure()), row.number());
            }
            boolean changed = milestone.update(row.titleLv(), row.titleEn(), row.dueDate());
            if (created) {
                milestones.save(milestone);
            }
            counter.count(created, changed);
        }
        return counter.result();
    }

    /** Indicators are keyed by measure and number, as milestones are. */
    PlanImportResult.TableResult applyIndicators(List<PlanRowChecks.IndicatorRow> rows, Map<String, Measure> measuresByCode) {
        Map<String, Indicator> byKey = new java.util.HashMap<>();
        indicators.findAllWithMeasure().forEach(i -> byKey.put(i.getMeasure().getCode() + "/" + i.getNumber(), i));
        Counter counter = new Counter();
        for (PlanRowChecks.IndicatorRow row : rows) {
            Indicator indicator = byKey.get(row.measure() + "/" + row.number());
            boolean created = indicator == null;
            if (created) {
                indicator = new Indicator(measuresByCode.get(row.measure()), row.number());
            }
            boolean changed = indicator.update(row.titleLv(), row.titleEn(), row.unit(), row.baseline(), row.target(),
                    row.targetDate());
            if (created) {
                indicators.save(indicator);
            }
            counter.count(created, changed);
        }
        return counter.result();
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
