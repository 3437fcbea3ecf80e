package lv.opengov.reporting.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text that a spreadsheet would run as a formula gets a leading quote; nothing else changes. */
class SpreadsheetCellsTest {

    @ParameterizedTest(name = "{0} is neutralised")
    @ValueSource(strings = {"=1+2", "+371 2000", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"y\")",
        "+1", "-1+1", "\tX", "\rX"})
    void shouldQuoteWhatASpreadsheetWouldReadAsAFormula(String value) {
        assertThat(SpreadsheetCells.neutralise(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pabeigts = 100 %", "Notikušas 4 sanāksmes = labi", "", "'=already"})
    void shouldLeaveOtherTextAlone(String value) {
        assertThat(SpreadsheetCells.neutralise(value)).isEqualTo(value);
    }

    @Test
    void shouldLeaveNullAlone() {
        assertThat(SpreadsheetCells.neutralise(null)).isNull();
    }
}
