package dev.sextant.query.export;

import dev.sextant.connector.ColumnInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An Excel workbook (Office Open XML) written as a stream: the sheet's XML goes into the zip row by row,
 * so a million rows need no more memory than one. Numbers are numbers where Excel can hold them exactly
 * (up to 15 significant digits), else text; dates and timestamps are dates; a sheet that reaches Excel's
 * row limit continues on the next sheet.
 */
final class XlsxWriter implements RowWriter {

    static final int MAX_ROWS_PER_SHEET = 1_048_576;
    static final int MAX_CELL_CHARS = 32_767;
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

    private final ZipOutputStream zip;
    private final Writer xml;
    private List<ColumnInfo> columns = List.of();
    private int sheets;
    private int rowInSheet;

    XlsxWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    }

    @Override
    public void header(List<ColumnInfo> cols) throws IOException {
        this.columns = cols;
        startSheet();
    }

    private void startSheet() throws IOException {
        if (sheets > 0) {
            endSheet();
        }
        sheets++;
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheets + ".xml"));
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                + "state=\"frozen\"/></sheetView></sheetViews><sheetData>");
        rowInSheet = 0;
        xml.write("<row r=\"1\">");
        for (ColumnInfo c : columns) {
            xml.write("<c t=\"inlineStr\" s=\"1\"><is><t xml:space=\"preserve\">");
            xml.write(escape(c.name()));
            xml.write("</t></is></c>");
        }
        xml.write("</row>");
        rowInSheet = 1;
    }

    private void endSheet() throws IOException {
        xml.write("</sheetData></worksheet>");
        xml.flush();
        zip.closeEntry();
    }

    @Override
    public void row(Object[] values) throws IOException {
        if (rowInSheet >= MAX_ROWS_PER_SHEET) {
            startSheet();
        }
        rowInSheet++;
        StringBuilder sb = new StringBuilder(64 + values.length * 24);
        sb.append("<row r=\"").append(rowInSheet).append("\">");
        for (Object v : values) {
            cell(sb, v);
        }
        sb.append("</row>");
        xml.write(sb.toString());
    }

    private static void cell(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("<c/>");
        } else if (v instanceof Boolean b) {
            sb.append("<c t=\"b\"><v>").append(b ? 1 : 0).append("</v></c>");
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof Long l && Math.abs(l) < (1L << 53)) {
            sb.append("<c><v>").append(v).append("</v></c>");
        } else if (v instanceof BigDecimal d && d.precision() <= 15) {
            sb.append("<c><v>").append(d.toPlainString()).append("</v></c>");
        } else if (v instanceof Double d && Double.isFinite(d) || v instanceof Float f && Float.isFinite(f)) {
            sb.append("<c><v>").append(v).append("</v></c>");
        } else if (v instanceof LocalDate d && d.getYear() >= 1900) {
            sb.append("<c s=\"2\"><v>").append(ChronoUnit.DAYS.between(EPOCH, d)).append("</v></c>");
        } else if (v instanceof LocalDateTime t && t.getYear() >= 1900) {
            double serial = ChronoUnit.DAYS.between(EPOCH, t.toLocalDate()) + t.toLocalTime().toNanoOfDay() / 86_400e9;
            sb.append("<c s=\"3\"><v>").append(serial).append("</v></c>");
        } else {
            String text = ExportValues.text(v);
            if (text.length() > MAX_CELL_CHARS) {
                text = text.substring(0, MAX_CELL_CHARS - 1) + "…";
            }
            sb.append("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">").append(escape(text)).append("</t></is></c>");
        }
    }

    /** XML text escaping; characters XML 1.0 cannot hold at all are dropped. */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? "" : null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    @Override
    public void finish() throws IOException {
        if (sheets == 0) {
            startSheet();
        }
        endSheet();
        entry("[Content_Types].xml", contentTypes());
        entry("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                + "Target=\"xl/workbook.xml\"/></Relationships>");
        StringBuilder workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 1; i <= sheets; i++) {
            workbook.append("<sheet name=\"Result").append(i == 1 ? "" : " " + i).append("\" sheetId=\"").append(i)
                    .append("\" r:id=\"rId").append(i).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/")
                    .append("relationships/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
        }
        rels.append("<Relationship Id=\"rId").append(sheets + 1).append("\" Type=\"http://schemas.openxmlformats.org/")
                .append("officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>");
        entry("xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
        entry("xl/_rels/workbook.xml.rels", rels.toString());
        entry("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\\ hh:mm:ss\"/></numFmts>"
                + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/>"
                + "<name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
                + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
                + "</styleSheet>");
        zip.finish();
        zip.flush();
    }

    private String contentTypes() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (int i = 1; i <= sheets; i++) {
            sb.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ")
                    .append("ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return sb.append("</Types>").toString();
    }

    private void entry(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        xml.write(content);
        xml.flush();
        zip.closeEntry();
    }
}
