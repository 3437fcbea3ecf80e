package lv.opengov.reporting.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lv.opengov.reporting.common.TransactionScoped;
import org.springframework.stereotype.Component;

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
        return TransactionScoped.isActive() ? inThisTransaction().get(businessKey) : null;
    }

    private Map<String, List<ContributionRow>> inThisTransaction() {
        return TransactionScoped.get(this, HashMap::new,
                "Contributions are handed over within a transaction");
    }
}
