package org.assure.cycles;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assure.organisations.OrganisationKind;
import org.assure.returns.ReturnStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 9 item 11: organisation names are typed by admins and imported from files, so they may look like formulas. */
class ProgressWorkbookTest {
    @Test
    void namesThatLookLikeFormulasAreWrittenAsTextWithAnApostrophe() throws Exception {
        List<CycleService.ProgressRow> rows = List.of(
                row("=HYPERLINK(\"https://attacker.example\",\"Riverside\")"), row("+44 20 7946 0000"), row("-2+3"),
                row("@SUM(A1)"), row("\tTabbed"), row("\rReturn"), row("Riverside Primary School"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ProgressWorkbook.of(rows)))) {
            var sheet = workbook.getSheetAt(0);
            List<String> names = List.of("'=HYPERLINK(\"https://attacker.example\",\"Riverside\")", "'+44 20 7946 0000", "'-2+3",
                    "'@SUM(A1)", "'\tTabbed", "'\rReturn", "Riverside Primary School");
            for (int i = 0; i < names.size(); i++) {
                Row row = sheet.getRow(i + 1);
                assertEquals(CellType.STRING, row.getCell(0).getCellType());
                assertEquals(names.get(i), row.getCell(0).getStringCellValue());
                assertEquals(CellType.NUMERIC, row.getCell(4).getCellType());
            }
        }
    }

    private static CycleService.ProgressRow row(String name) {
        return new CycleService.ProgressRow(1, 1, name, OrganisationKind.SCHOOL, "=1+1", null, ReturnStatus.values()[0], 50,
                Instant.parse("2026-11-30T10:00:00Z"), null, false, null);
    }
}
