package lv.opengov.reporting.notification.internal;

import lv.opengov.reporting.notification.MailMessage;
import lv.opengov.reporting.notification.MailStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MailMessageRepository extends JpaRepository<MailMessage, Long> {

    Optional<MailMessage> findByIdempotencyKey(String idempotencyKey);

    @Query("""
            select m.id from MailMessage m
            where m.status in :statuses and m.nextAttemptAt <= :now
            order by m.nextAttemptAt, m.id
            """)
    List<Long> findDueIds(Collection<MailStatus> statuses, Instant now, Pageable page);

    List<MailMessage> findByStatusOrderByCreatedAtDesc(MailStatus status, Pageable page);

    List<MailMessage> findAllByOrderByCreatedAtDesc(Pageable page);

    List<MailMessage> findByCycleIdOrderByCreatedAtAscIdAsc(Long cycleId);

    /** Where a message is, without its text. */
    interface State {
        MailStatus getStatus();

        Instant getCreatedAt();
    }

    List<State> findByCycleIdAndStatusNot(Long cycleId, MailStatus status);
}
