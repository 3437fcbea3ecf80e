package lv.opengov.reporting.refresh.internal;

import lv.opengov.reporting.refresh.Opinion;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OpinionRepository extends JpaRepository<Opinion, Long> {

    List<Opinion> findByRefreshIdOrderByReceivedAtAscIdAsc(Long refreshId);

    long countByRefreshIdAndResponseIsNull(Long refreshId);

    boolean existsByRefreshIdAndChannelAndText(Long refreshId, Opinion.Channel channel, String text);
}
