/**
 * Refresh: the OGP refreshed-plan cycle and the plan-refresh process: co-creation, opinions, plan changes.
 * Its API is this package; sub-packages are its own. The modules it may use are listed below and
 * checked by {@code ModularityTests}.
 */
@ApplicationModule(displayName = "Refresh", allowedDependencies = { "audit", "calendar", "common", "cycle", "identity", "notification", "plan" })
package lv.opengov.reporting.refresh;

import org.springframework.modulith.ApplicationModule;
