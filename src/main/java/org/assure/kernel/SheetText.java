package org.assure.kernel;

import io.micronaut.core.annotation.Nullable;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Text written into an exported spreadsheet so that no spreadsheet program treats it as a formula:
 * neither on opening the file, nor after someone edits the cell, nor after a "Save as CSV" and opening
 * that CSV again (OWASP "CSV injection"). Every export writes its text cells through {@link #set}.
 *
 * <p>Text beginning with {@code = + - @}, a tab or a carriage return gets a leading apostrophe that is
 * part of the value, not Excel's hidden "quote prefix" style: a style is lost when the sheet is saved
 * as CSV, the apostrophe is not (doc/adr/0023). Readers of our own workbooks take it off again with
 * {@link #unescape}, so a download edited and uploaded again keeps its text exactly. Text that already
 * begins with apostrophes before such a character gets one more, so the round trip is exact for it too.
 */
public final class SheetText {
    private static final Pattern ESCAPE = Pattern.compile("^'*[=+\\-@\t\r].*", Pattern.DOTALL);
    private static final Pattern ESCAPED = Pattern.compile("^'+[=+\\-@\t\r].*", Pattern.DOTALL);

    private SheetText() {
    }

    /** The text as a cell should hold it: unchanged unless a spreadsheet could read it as a formula. */
    public static String escape(String value) {
        return ESCAPE.matcher(value).matches() ? "'" + value : value;
    }

    /** The text {@link #escape} was given, from a cell it wrote (or that a person wrote the same way). */
    public static String unescape(String value) {
        return ESCAPED.matcher(value).matches() ? value.substring(1) : value;
    }

    /** Writes text into a cell as a string, escaped; null or empty leaves the cell blank. */
    public static void set(Cell cell, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            cell.setCellValue(escape(value));
        } else {
            cell.setBlank();
        }
    }

    /** A sheet's header row: the names in bold, through {@link #set}, the row frozen so that it stays in view. */
    public static void header(Workbook workbook, Sheet sheet, List<String> names, int frozenColumns) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        Row top = sheet.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            set(top.createCell(i), names.get(i));
            top.getCell(i).setCellStyle(style);
        }
        sheet.createFreezePane(frozenColumns, 1);
    }
}
