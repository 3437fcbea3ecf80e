package lv.opengov.reporting.cycle;

import lv.opengov.reporting.cycle.internal.ReportingCycleRepository;
import lv.opengov.reporting.evidence.EvidenceCycles;
import org.springframework.stereotype.Component;

/** What the evidence module asks of a report's cycle ({@link EvidenceCycles}): whether it is published. */
@Component
class CycleForEvidence implements EvidenceCycles {

    private final ReportingCycleRepository cycles;

    CycleForEvidence(ReportingCycleRepository cycles) {
        this.cycles = cycles;
    }

    @Override
    public boolean isPublished(Long cycleId) {
        return cycles.findById(cycleId).map(cycle -> cycle.getStatus() == CycleStatus.PUBLISHED).orElse(false);
    }
}
