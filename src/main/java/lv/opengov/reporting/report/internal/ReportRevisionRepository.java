package lv.opengov.reporting.report.internal;

import lv.opengov.reporting.report.ReportRevision;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportRevisionRepository extends JpaRepository<ReportRevision, Long> {

    List<ReportRevision> findByReportIdOrderByRevisionNo(Long reportId);

    long countByReportId(Long reportId);

    List<ReportRevision> findByReportIdInOrderByReportIdAscRevisionNoAsc(Collection<Long> reportIds);
}
