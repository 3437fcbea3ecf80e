package lv.opengov.reporting.system;

import lv.opengov.reporting.support.ReportingPostgresTest;

/** {@link AccessMatrixTest} on PostgreSQL. */
@ReportingPostgresTest
class AccessMatrixPostgresTest extends AccessMatrixTest {
}
