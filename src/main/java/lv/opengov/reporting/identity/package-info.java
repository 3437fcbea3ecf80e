/**
 * Identity: users, groups and authorizations, who the current user is and what they may see.
 * Its API is this package; sub-packages are its own. The modules it may use are listed below and
 * checked by {@code ModularityTests}.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = { "common", "plan" })
package lv.opengov.reporting.identity;

import org.springframework.modulith.ApplicationModule;
