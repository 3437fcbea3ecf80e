package lv.opengov.reporting.plan;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommitmentRepository extends JpaRepository<Commitment, Long> {

    Optional<Commitment> findByNumber(int number);
}
