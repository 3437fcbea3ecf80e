package lv.opengov.reporting.report;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReportRevisionRepository extends JpaRepository<ReportRevision, Long> {

    List<ReportRevision> findByReportIdOrderByRevisionNo(Long reportId);

    long countByReportId(Long reportId);
}
