package org.kesra.sheets;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as the cadres' tools write it: UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252 (older Excel
 * "CSV" exports); comma, semicolon (Excel with Indonesian regional settings) or tab as delimiter, detected from the
 * header. Parsed as a stream by Commons CSV; a malformed file fails with an {@link UnreadableSheetException} that
 * says in Indonesian what is wrong and where.
 */
public final class CsvSource implements SheetSource {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final CountingInputStream counted;
    private final long size;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final Charset charset;
    private final char delimiter;

    public CsvSource(Path file) throws IOException {
        this.size = Math.max(1, Files.size(file));
        Detected detected = detect(file);
        this.charset = detected.charset();
        this.counted = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
        counted.skipNBytes(detected.bomLength());
        String firstLine = firstLine(file, detected);
        this.delimiter = delimiterOf(firstLine);
        Reader reader = new InputStreamReader(counted, charset);
        this.parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(true)
                .setIgnoreSurroundingSpaces(true).get().parse(reader);
        this.records = parser.iterator();
        List<String> first;
        try {
            first = records.hasNext() ? records.next().toList() : List.of();
        } catch (RuntimeException e) {
            parser.close();
            throw UnreadableSheetException.csv(e);
        }
        this.header = first;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Iterator<SheetRow> rows() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (RuntimeException e) {
                    throw UnreadableSheetException.csv(e);
                }
            }

            @Override
            public SheetRow next() {
                CSVRecord record;
                try {
                    record = records.next();
                } catch (java.util.NoSuchElementException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw UnreadableSheetException.csv(e);
                }
                // The line the row ends on, as the user finds it in an editor: blank lines are skipped, so the
                // record number would point a problem at the wrong row below the first blank line.
                return new SheetRow(Math.max(record.getRecordNumber(), parser.getCurrentLineNumber()),
                        record.toList(), Set.of());
            }
        };
    }

    @Override
    public double progress() {
        return Math.min(1.0, (double) counted.count / size);
    }

    @Override
    public String encoding() {
        return charset.name();
    }

    @Override
    public String delimiter() {
        return delimiter == '\t' ? "TAB" : String.valueOf(delimiter);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private record Detected(Charset charset, int bomLength) {
    }

    /** BOM first; without one, UTF-8 if every byte sequence is valid UTF-8, else Windows-1252. */
    private static Detected detect(Path file) throws IOException {
        byte[] head = new byte[3];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 3);
        }
        if (read >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (read >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        if (read >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        return new Detected(validUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
    }

    private static boolean validUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(64 * 1024);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        try (var channel = Files.newByteChannel(file)) {
            while (channel.read(bytes) >= 0) {
                bytes.flip();
                var result = decoder.decode(bytes, chars, false);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            return !decoder.decode(bytes, chars, true).isError() && !decoder.flush(chars).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String firstLine(Path file, Detected detected) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(detected.bomLength());
            byte[] start = in.readNBytes(64 * 1024);
            String text = new String(start, detected.charset());
            int end = text.indexOf('\n');
            return end < 0 ? text : text.substring(0, end);
        }
    }

    /** The candidate occurring most often outside quotes in the header line. */
    public static char delimiterOf(String headerLine) {
        char[] candidates = {',', ';', '\t', '|'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            for (int i = 0; i < candidates.length && !quoted; i++) {
                if (c == candidates[i]) {
                    counts[i]++;
                }
            }
        }
        int best = 0;
        for (int i = 1; i < candidates.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return candidates[best];
    }

    /** Counts the bytes the parser has consumed, for progress. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
