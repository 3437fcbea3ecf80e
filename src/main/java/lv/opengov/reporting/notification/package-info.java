/**
 * Notification: the mail outbox, its templates and its delivery.
 * Its API is this package; sub-packages are its own. The modules it may use are listed below and
 * checked by {@code ModularityTests}.
 */
@ApplicationModule(displayName = "Notification", allowedDependencies = { "common" })
package lv.opengov.reporting.notification;

import org.springframework.modulith.ApplicationModule;
