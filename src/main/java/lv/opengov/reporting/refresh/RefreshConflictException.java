package lv.opengov.reporting.refresh;

import lv.opengov.reporting.common.ConflictException;

/** A request that does not fit the refresh's current step, e.g. an opinion outside co-creation. */
public class RefreshConflictException extends ConflictException {

    public RefreshConflictException(String message) {
        super(message);
    }
}
