/**
 * System: the application shell: security chains, the engine's REST guard and error answers, the home page.
 * Its API is this package; sub-packages are its own. The modules it may use are listed below and
 * checked by {@code ModularityTests}.
 */
@ApplicationModule(displayName = "System", allowedDependencies = { "common", "identity" })
package lv.opengov.reporting.system;

import org.springframework.modulith.ApplicationModule;
