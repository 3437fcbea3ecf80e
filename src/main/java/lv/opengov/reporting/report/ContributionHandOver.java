package lv.opengov.reporting.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The contributions of the reports a batch starts, handed from the cycle, which read them with the
 * rest of the batch, to the reports' contribute-report tasks created in the same transaction: kept
 * for that transaction only, by the report's business key, and never in a process variable. A task
 * created later (nothing handed over) reads its contribution from the database.
 */
@Component
public class ContributionHandOver {

    /** Hands over the contributions of the report with the given business key, for this transaction. */
    public void offer(String businessKey, List<ContributionRow> contributions) {
        inThisTransaction().put(businessKey, List.copyOf(contributions));
    }

    /** What was handed over for the report in this transaction; null when nothing was. */
    List<ContributionRow> find(String businessKey) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, List<ContributionRow>> offered =
                (Map<String, List<ContributionRow>>) TransactionSynchronizationManager.getResource(this);
        return offered == null ? null : offered.get(businessKey);
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<ContributionRow>> inThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Contributions are handed over within a transaction");
        }
        Map<String, List<ContributionRow>> offered =
                (Map<String, List<ContributionRow>>) TransactionSynchronizationManager.getResource(this);
        if (offered == null) {
            Map<String, List<ContributionRow>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ContributionHandOver.this);
                }
            });
            offered = fresh;
        }
        return offered;
    }
}
