package lv.opengov.reporting.system;

import lv.opengov.reporting.common.SpreadsheetCells;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+371 2000", "-2+3", "@SUM(A1)", "\t=1", "\r=1"})
    void shouldQuoteWhatASpreadsheetWouldReadAsAFormula(String value) {
        assertThat(SpreadsheetCells.neutralise(value)).isEqualTo("'" + value);
    }

    @Test
    void shouldLeaveOtherTextAlone() {
        assertThat(SpreadsheetCells.neutralise("Pabeigts = 100 %")).isEqualTo("Pabeigts = 100 %");
        assertThat(SpreadsheetCells.neutralise("")).isEmpty();
        assertThat(SpreadsheetCells.neutralise(null)).isNull();
    }
}
