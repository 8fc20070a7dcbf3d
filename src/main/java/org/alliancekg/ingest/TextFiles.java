package org.alliancekg.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/** Reads input files as strict UTF-8, refusing malformed bytes and oversized files. */
final class TextFiles {

    /** Largest input file accepted, in bytes. */
    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private TextFiles() {
    }

    /**
     * The file's text. Throws {@link InputException} naming the file and the line of the first byte that is not
     * UTF-8, or when the file is too large or unreadable.
     */
    static String readUtf8(Path file, String shown) {
        return readUtf8(file, shown, NOTHING);
    }

    /** Does nothing with the bytes read. */
    static final BiConsumer<Path, byte[]> NOTHING = (file, bytes) -> { };

    /** As {@link #readUtf8(Path, String)}, giving {@code onRead} the file's bytes first. */
    static String readUtf8(Path file, String shown, BiConsumer<Path, byte[]> onRead) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InputException(new Problem(shown, 0, null, "file is " + size + " bytes; the limit is "
                        + MAX_FILE_BYTES));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(Problem.unreadable(shown, e), e);
        }
        onRead.accept(file, bytes);
        return decode(bytes, shown);
    }

    /** Decodes strictly; see {@link #readUtf8}. */
    static String decode(byte[] bytes, String shown) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new InputException(new Problem(shown, line, at - lineStart + 1, null, String.format(
                    "not UTF-8: malformed byte 0x%02X at byte offset %d", bytes[at] & 0xff, at)));
        }
        out.flip();
        String text = out.toString();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            throw new InputException(new Problem(shown, 1, null, "starts with a byte-order mark; save as UTF-8 without BOM"));
        }
        return text;
    }
}
