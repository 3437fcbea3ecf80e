package lv.opengov.reporting.archive;

import lv.opengov.reporting.support.ReportingPostgresTest;

/**
 * {@link PlanPackageTest} on PostgreSQL, where evidence files come out in slices and the audit log and
 * the revisions are read in batches by id.
 */
@ReportingPostgresTest
class PlanPackagePostgresTest extends PlanPackageTest {
}
