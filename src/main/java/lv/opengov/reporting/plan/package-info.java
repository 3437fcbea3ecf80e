/**
 * Plan: the action plan's institutions, commitments, measures and funding, and their import.
 * Its API is this package; sub-packages are its own. The modules it may use are listed below and
 * checked by {@code ModularityTests}.
 */
@ApplicationModule(displayName = "Plan", allowedDependencies = { "common", "notification" })
package lv.opengov.reporting.plan;

import org.springframework.modulith.ApplicationModule;
