package dev.collectflow.ledger;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * An uploaded CSV file cut into its lines: one record a line (CR LF or LF), a UTF-8 byte order mark at the start
 * ignored. Each line is decoded on its own, strictly, so a line with bytes that are not text in the file's charset
 * is reported by its number instead of spoiling the others; a line longer than the limit is not decoded at all.
 */
final class CsvLines {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** A line as read: its number in the file (from 1), its text, or why it could not be read. */
    record Line(int number, String text, String problem) {
    }

    private CsvLines() {
    }

    /** The non-blank lines of the file. */
    static List<Line> read(byte[] file, Charset charset, int maxLineBytes) {
        List<Line> lines = new ArrayList<>();
        int start = startsWith(file, UTF8_BOM) ? UTF8_BOM.length : 0;
        int number = 0;
        while (start < file.length) {
            int end = start;
            while (end < file.length && file[end] != '\n') {
                end++;
            }
            number++;
            int contentEnd = end > start && file[end - 1] == '\r' ? end - 1 : end;
            int length = contentEnd - start;
            if (length > maxLineBytes) {
                lines.add(new Line(number, null, "is longer than " + maxLineBytes + " bytes (" + length + ")"));
            } else if (!blank(file, start, contentEnd)) {
                lines.add(decode(number, file, start, length, charset));
            }
            start = end + 1;
        }
        return lines;
    }

    private static Line decode(int number, byte[] file, int start, int length, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer text = decoder.decode(ByteBuffer.wrap(file, start, length));
            return new Line(number, text.toString(), null);
        } catch (CharacterCodingException e) {
            int at = firstBadByte(file, start, length, charset);
            return new Line(number, null, "is not valid " + charset.name() + " text"
                    + (at >= 0 ? " (byte 0x" + String.format("%02X", file[start + at] & 0xFF) + " at byte " + (at + 1) + ")" : "")
                    + "; save the file as " + charset.name() + " or name its charset in the mapping");
        }
    }

    private static int firstBadByte(byte[] file, int start, int length, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(file, start, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() - start : -1;
    }

    private static boolean blank(byte[] file, int start, int end) {
        for (int i = start; i < end; i++) {
            if (file[i] != ' ' && file[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] file, byte[] prefix) {
        if (file.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (file[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
