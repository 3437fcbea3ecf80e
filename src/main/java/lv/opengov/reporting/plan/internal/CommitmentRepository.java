package lv.opengov.reporting.plan.internal;

import lv.opengov.reporting.plan.Commitment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CommitmentRepository extends JpaRepository<Commitment, Long> {

    Optional<Commitment> findByNumber(int number);
}
