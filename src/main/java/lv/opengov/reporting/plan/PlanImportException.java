package lv.opengov.reporting.plan;

import java.util.List;
import lv.opengov.reporting.common.InvalidInputException;

/** An import that was refused as a whole; nothing of it was stored. */
public class PlanImportException extends InvalidInputException {

    public PlanImportException(List<ImportError> errors) {
        super(errors.size() + " error(s) in the imported plan; nothing was imported", errors);
    }
}
