/**
 * Publication: what the public reads: published cycles, the consolidated report and its exports.
 * Its API is this package; sub-packages are its own. The modules it may use are listed below and
 * checked by {@code ModularityTests}.
 */
@ApplicationModule(displayName = "Publication", allowedDependencies = { "common", "cycle", "evidence", "identity", "plan", "refresh", "report" })
package lv.opengov.reporting.publication;

import org.springframework.modulith.ApplicationModule;
