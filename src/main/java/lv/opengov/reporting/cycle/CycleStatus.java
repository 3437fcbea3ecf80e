package lv.opengov.reporting.cycle;

/** The life of a reporting cycle. */
public enum CycleStatus {
    /** Started; waiting for its invitation date. */
    SCHEDULED,
    /** Invitations sent; institutions are reporting. */
    COLLECTING,
    /** Every report accepted, or closed by a coordinator: the overview is being built. */
    CONSOLIDATING,
    /** The overview waits for a coordinator's approval. */
    AWAITING_APPROVAL,
    /** Reports sent back at approval are being corrected; the overview then comes to approval again. */
    CORRECTING,
    /** Approved and public. */
    PUBLISHED;

    /** Every status but {@link #PUBLISHED}: one such cycle per period at most. */
    public static final java.util.Set<CycleStatus> ACTIVE = java.util.EnumSet.complementOf(
            java.util.EnumSet.of(PUBLISHED));

    public boolean isActive() {
        return this != PUBLISHED;
    }
}
