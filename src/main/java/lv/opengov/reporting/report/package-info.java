/**
 * Report: a measure report and the measure-report process: its tasks, forms, revisions and review.
 * Its API is this package; sub-packages are its own. The modules it may use are listed below and
 * checked by {@code ModularityTests}.
 */
@ApplicationModule(displayName = "Report", allowedDependencies = { "audit", "common", "identity", "plan" })
package lv.opengov.reporting.report;

import org.springframework.modulith.ApplicationModule;
