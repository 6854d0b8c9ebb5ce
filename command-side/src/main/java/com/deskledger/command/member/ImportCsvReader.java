package com.deskledger.command.member;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time from a stream (RFC 4180: commas, double quotes, quotes doubled inside quotes,
 * line breaks inside quotes; CRLF or LF), so a file of any size is never held in memory: only the current record
 * is. UTF-8 with or without a byte order mark, as Excel writes it. The record is split on bytes (quote, comma and
 * line breaks are ASCII, which no other UTF-8 character contains) and each cell decoded on its own, so bytes that
 * are not UTF-8 (a file saved as GBK) stop the reading with {@code IMPORT_FILE_INVALID} naming their record. A record longer than {@link #MAX_RECORD_CHARS} is refused the
 * same way (a missing closing quote would otherwise swallow the rest of the file).
 */
public final class ImportCsvReader implements Closeable {

    static final int MAX_RECORD_BYTES = 64 * 1024;

    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int record;
    private boolean started;
    private int pushedBack = -2;

    public ImportCsvReader(InputStream stream) {
        this.in = new BufferedInputStream(stream, 65536);
    }

    /** The number of the record last returned: 1 is the header, 2 the first member (a spreadsheet's row). */
    public int record() {
        return record;
    }

    /** The next record's cells, or null at the end of the file. Blank lines are skipped (their number counts). */
    public List<String> next() throws IOException {
        while (true) {
            List<String> cells = readRecord();
            if (cells == null) {
                return null;
            }
            record++;
            if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
                return cells;
            }
        }
    }

    private List<String> readRecord() throws IOException {
        int c = read();
        if (!started) {
            started = true;
            if (c == 0xEF) {
                if (read() != 0xBB || read() != 0xBF) {
                    throw invalid("row 1 is not UTF-8 text (save the file as CSV UTF-8)");
                }
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        ByteArrayOutputStream cell = new ByteArrayOutputStream();
        boolean quoted = false;
        boolean wasQuoted = false;
        int length = 0;
        while (true) {
            if (++length > MAX_RECORD_BYTES) {
                throw invalid("row " + (record + 1) + " is longer than " + MAX_RECORD_BYTES
                        + " bytes (a quote left open?)");
            }
            if (quoted) {
                if (c == -1) {
                    throw invalid("row " + (record + 1) + " has a quote that is never closed");
                }
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        cell.write('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    cell.write(c);
                }
            } else if (c == ',') {
                cells.add(decode(cell));
                cell.reset();
                wasQuoted = false;
            } else if (c == '\n' || c == -1) {
                cells.add(decode(cell));
                return cells;
            } else if (c == '\r') {
                int next = read();
                if (next != '\n' && next != -1) {
                    pushedBack = next;
                }
                cells.add(decode(cell));
                return cells;
            } else if (c == '"' && cell.size() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                cell.write(c);
            }
            c = read();
        }
    }

    private String decode(ByteArrayOutputStream cell) {
        try {
            return utf8.decode(ByteBuffer.wrap(cell.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            throw invalid("row " + (record + 1) + " is not UTF-8 text (save the file as CSV UTF-8)");
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private static DomainException invalid(String message) {
        return new DomainException(ErrorCode.IMPORT_FILE_INVALID, message, "file");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
