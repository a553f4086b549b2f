package org.assure.panels;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * The outcome letter as a Word document: real heading styles (so Word's navigation and screen readers see the
 * structure) and bulleted lists, from the same blocks the page shows.
 */
final class LetterDocx {
    private LetterDocx() {
    }

    static byte[] of(String title, List<LetterText.Block> blocks) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(title);
            XWPFStyles styles = doc.createStyles();
            styles.addStyle(heading(styles, "Heading1", "heading 1", 0, 32));
            styles.addStyle(heading(styles, "Heading2", "heading 2", 1, 26));
            BigInteger bullets = bullets(doc.createNumbering());
            for (LetterText.Block b : blocks) {
                switch (b.kind()) {
                    case "h1", "h2" -> {
                        XWPFParagraph p = doc.createParagraph();
                        p.setStyle(b.kind().equals("h1") ? "Heading1" : "Heading2");
                        p.createRun().setText(b.text());
                    }
                    case "ul" -> {
                        for (String item : b.items()) {
                            XWPFParagraph p = doc.createParagraph();
                            p.setNumID(bullets);
                            p.createRun().setText(item);
                        }
                    }
                    default -> {
                        XWPFParagraph p = doc.createParagraph();
                        XWPFRun run = p.createRun();
                        String[] lines = b.text().split("\n");
                        for (int i = 0; i < lines.length; i++) {
                            if (i > 0) {
                                run.addBreak();
                            }
                            run.setText(lines[i], i);
                        }
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFStyle heading(XWPFStyles styles, String id, String name, int level, int halfPoints) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        ct.addNewUiPriority().setVal(BigInteger.valueOf(9));
        ct.addNewQFormat();
        ct.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level));
        var rpr = ct.addNewRPr();
        rpr.addNewB();
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        return new XWPFStyle(ct, styles);
    }

    private static BigInteger bullets(XWPFNumbering numbering) {
        CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
        abs.setAbstractNumId(BigInteger.ZERO);
        CTLvl lvl = abs.addNewLvl();
        lvl.setIlvl(BigInteger.ZERO);
        lvl.addNewNumFmt().setVal(STNumberFormat.BULLET);
        lvl.addNewLvlText().setVal("\u2022");
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewPPr().addNewInd().setLeft(BigInteger.valueOf(720));
        return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abs)));
    }
}
