package lv.opengov.reporting.system;

import lv.opengov.reporting.support.ReportingPostgresTest;

/** {@link HostileInputTest} on PostgreSQL. */
@ReportingPostgresTest
class HostileInputPostgresTest extends HostileInputTest {
}
