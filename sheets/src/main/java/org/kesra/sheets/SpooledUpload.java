package org.kesra.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded file copied to a temporary file, with the SHA-256 of its bytes taken on the way: the readers need a
 * file (an XLSX is a ZIP, read from its end; a CSV's encoding is checked before it is parsed) and the file's hash is
 * kept with what was imported. Closing deletes the copy.
 */
public record SpooledUpload(Path file, String sha256) implements AutoCloseable {

    public static SpooledUpload of(InputStream upload, String prefix) throws IOException {
        return to(upload, Files.createTempFile(prefix, ".upload"));
    }

    /**
     * The same into a file the caller names (an import kept for a job that outlives the request); on failure the
     * file is deleted.
     */
    public static SpooledUpload to(InputStream upload, Path file) throws IOException {
        try (InputStream in = new DigestInputStream(upload, MessageDigest.getInstance("SHA-256"))) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return new SpooledUpload(file, HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(file);
            throw new IllegalStateException(e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
