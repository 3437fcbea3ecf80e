/**
 * Cycle: a reporting cycle and the reporting-cycle process: schedule, invitations, reminders, overview, publication.
 * Its API is this package; sub-packages are its own. The modules it may use are listed below and
 * checked by {@code ModularityTests}.
 */
@ApplicationModule(displayName = "Cycle", allowedDependencies = { "audit", "calendar", "common", "evidence", "identity", "notification", "plan", "report" })
package lv.opengov.reporting.cycle;

import org.springframework.modulith.ApplicationModule;
