package lv.opengov.reporting.plan;

import java.util.List;

/** Published when an import has changed the plan; lists the institution codes the plan now names. */
public record PlanChangedEvent(List<String> institutionCodes) {
}
