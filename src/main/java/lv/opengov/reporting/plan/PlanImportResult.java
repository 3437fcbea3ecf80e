package lv.opengov.reporting.plan;

import java.util.Map;

/** What an import did, per table. */
public record PlanImportResult(Map<String, TableResult> tables) {

    public record TableResult(int created, int updated, int unchanged) {
    }
}
