package lv.opengov.reporting.common;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value kept for the current transaction only, under its owner: made on the first call, found by the
 * calls after it in the same transaction, and gone with the transaction, so that a transaction run again
 * (a job retried after a failure) reads afresh.
 */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /**
     * The owner's value in this transaction, made when there is none yet.
     *
     * @throws IllegalStateException outside a transaction, with the given reason
     */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object owner, Supplier<T> make, String outsideTransaction) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException(outsideTransaction);
        }
        T value = (T) TransactionSynchronizationManager.getResource(owner);
        if (value == null) {
            value = make.get();
            TransactionSynchronizationManager.bindResource(owner, value);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                }
            });
        }
        return value;
    }

    /** Whether there is a transaction to keep a value for. */
    public static boolean isActive() {
        return TransactionSynchronizationManager.isSynchronizationActive();
    }
}
