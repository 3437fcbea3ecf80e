package lv.opengov.reporting.evidence;

import lv.opengov.reporting.support.ReportingPostgresTest;

/** {@link EvidenceWebTest} on PostgreSQL, where a file's content is read back in slices. */
@ReportingPostgresTest
class EvidenceWebPostgresTest extends EvidenceWebTest {
}
