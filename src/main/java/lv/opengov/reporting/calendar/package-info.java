/**
 * Calendar: Latvian working days, holidays and transfers, and the engine's business calendar.
 * Its API is this package; sub-packages are its own. The modules it may use are listed below and
 * checked by {@code ModularityTests}.
 */
@ApplicationModule(displayName = "Calendar", allowedDependencies = { "audit", "common", "identity" })
package lv.opengov.reporting.calendar;

import org.springframework.modulith.ApplicationModule;
