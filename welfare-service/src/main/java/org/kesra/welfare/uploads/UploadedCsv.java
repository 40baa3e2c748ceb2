package org.kesra.welfare.uploads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * A list as Dinas Sosial's staff upload it from a spreadsheet: UTF-8 with or without a byte-order mark, commas or
 * (Excel in Indonesian settings) semicolons, a header row. The file's SHA-256 is taken while it is read.
 */
public final class UploadedCsv implements AutoCloseable {

    private final MessageDigest sha256;
    private final CSVParser parser;

    private UploadedCsv(MessageDigest sha256, CSVParser parser) {
        this.sha256 = sha256;
        this.parser = parser;
    }

    public static UploadedCsv open(InputStream file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(new DigestInputStream(file, sha256),
                StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        reader.mark(8192);
        String header = reader.readLine();
        reader.reset();
        char delimiter = header != null && header.chars().filter(c -> c == ';').count()
                > header.chars().filter(c -> c == ',').count() ? ';' : ',';
        return new UploadedCsv(sha256, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setTrim(true).setIgnoreHeaderCase(true).setDelimiter(delimiter).get().parse(reader));
    }

    public CSVParser parser() {
        return parser;
    }

    /** The hex SHA-256 of what was read; call after the last row. */
    public String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
