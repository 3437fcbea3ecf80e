/**
 * Audit: who changed what and when, and who may read it.
 * Its API is this package; sub-packages are its own. The modules it may use are listed below and
 * checked by {@code ModularityTests}.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = { "common", "identity", "plan" })
package lv.opengov.reporting.audit;

import org.springframework.modulith.ApplicationModule;
