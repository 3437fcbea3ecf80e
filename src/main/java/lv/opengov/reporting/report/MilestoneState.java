package lv.opengov.reporting.report;

import java.util.Optional;

/** Where a milestone of a measure stands, as the report of a cycle says. */
public enum MilestoneState {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    DROPPED;

    /** Done and dropped are dated: the day it happened, never later than today. */
    public boolean isClosed() {
        return this == DONE || this == DROPPED;
    }

    static Optional<MilestoneState> fromCell(String value) {
        for (MilestoneState state : values()) {
            if (state.name().equals(value)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
