/**
 * Evidence: the files an institution attaches to its report, who may attach, read and download them,
 * and the page where that is done.
 * Its API is this package; sub-packages are its own. The modules it may use are listed below and
 * checked by {@code ModularityTests}.
 */
@ApplicationModule(displayName = "Evidence", allowedDependencies = { "audit", "common", "identity", "plan", "report" })
package lv.opengov.reporting.evidence;

import org.springframework.modulith.ApplicationModule;
