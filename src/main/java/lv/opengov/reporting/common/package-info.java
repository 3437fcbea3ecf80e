/**
 * Common: what every module may use: the clock, errors as the API answers them, text and date rules, PDF rendering.
 * Its API is this package; sub-packages are its own. The modules it may use are listed below and
 * checked by {@code ModularityTests}.
 */
@ApplicationModule(displayName = "Common", allowedDependencies = {  })
package lv.opengov.reporting.common;

import org.springframework.modulith.ApplicationModule;
