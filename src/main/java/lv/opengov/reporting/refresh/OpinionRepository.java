package lv.opengov.reporting.refresh;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OpinionRepository extends JpaRepository<Opinion, Long> {

    List<Opinion> findByRefreshIdOrderByReceivedAtAscIdAsc(Long refreshId);

    long countByRefreshIdAndResponseIsNull(Long refreshId);

    boolean existsByRefreshIdAndChannelAndText(Long refreshId, Opinion.Channel channel, String text);
}
