package org.imrplatform.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Excel workbooks as a spreadsheet program saves them, for the import tests. */
public final class Workbooks {

    private Workbooks() {
    }

    /**
     * A workbook whose first sheet holds the rows: numbers as number cells, text as text cells, null as no cell, an
     * empty row as a row the file leaves out.
     */
    public static byte[] of(Object[]... rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "Test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Export");
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (rows[r][c] != null) {
                        sheet.value(r, c, (String) rows[r][c]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
