package lv.opengov.reporting.plan;

import java.util.List;

/**
 * Published inside the transaction of an import that changed the plan: the institution codes the
 * plan now names (their groups are made) and what the import did per table (it is audited).
 */
public record PlanChangedEvent(List<String> institutionCodes, PlanImportResult result) {
}
