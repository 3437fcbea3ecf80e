package lv.opengov.reporting.plan.internal;

import java.util.List;
import lv.opengov.reporting.plan.Milestone;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MilestoneRepository extends JpaRepository<Milestone, Long> {

    /** Every milestone with its measure, in one statement. */
    @Query("select ms from Milestone ms join fetch ms.measure")
    List<Milestone> findAllWithMeasure();

    /** One measure's milestones, in one statement. */
    @Query("select ms from Milestone ms join fetch ms.measure m where m.code = :code order by ms.number")
    List<Milestone> findByMeasureCode(String code);
}
