package lv.opengov.reporting.system;

import lv.opengov.reporting.support.ReportingPostgresTest;

/** {@link EngineInputTest} on PostgreSQL. */
@ReportingPostgresTest
class EngineInputPostgresTest extends EngineInputTest {
}
