package com.deskledger.query.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV that spreadsheets open cleanly: UTF-8 with a byte-order mark (so Chinese text is not garbled), CRLF
 * line ends, cells quoted when they hold a comma, quote or line break, and text cells starting with = + - or @
 * prefixed with a quote so that no cell is taken for a formula.
 */
public final class Csv {

    private static final String BOM = "\uFEFF";

    private final StringBuilder text = new StringBuilder(BOM);

    public Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    public byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String cell = value.toString();
        if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            cell = '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
