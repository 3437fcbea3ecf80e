package lv.opengov.reporting.support;

import lv.opengov.reporting.common.MovableClock;

/**
 * The clock of the test contexts, which a test moves forward so that timers fire on their day instead
 * of the test waiting for it; it is never moved back, since the tests of one application context share
 * it. In a context with the demo profile it is also the clock a rehearsal moves ({@code @Primary} over
 * the profile's own).
 */
public final class TestClock extends MovableClock {
}
