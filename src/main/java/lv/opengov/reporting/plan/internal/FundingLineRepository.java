package lv.opengov.reporting.plan.internal;

import lv.opengov.reporting.plan.FundingLine;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FundingLineRepository extends JpaRepository<FundingLine, Long> {
}
