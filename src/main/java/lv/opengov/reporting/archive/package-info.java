/**
 * Archive: the plan's record kept together: the end-of-plan package for the IRM, and the public
 * repository page that shows what was published and when.
 * Its API is this package; sub-packages are its own. The modules it may use are listed below and
 * checked by {@code ModularityTests}.
 */
@ApplicationModule(displayName = "Archive", allowedDependencies = { "audit", "common", "cycle", "evidence", "identity", "plan", "publication", "refresh", "report" })
package lv.opengov.reporting.archive;

import org.springframework.modulith.ApplicationModule;
