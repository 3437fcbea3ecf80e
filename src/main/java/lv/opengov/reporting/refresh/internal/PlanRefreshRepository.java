package lv.opengov.reporting.refresh.internal;

import lv.opengov.reporting.refresh.PlanRefresh;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PlanRefreshRepository extends JpaRepository<PlanRefresh, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PlanRefresh r where r.id = :id")
    Optional<PlanRefresh> lockById(Long id);

    List<PlanRefresh> findAllByOrderByCreatedAtDesc();
}
