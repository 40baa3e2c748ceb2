package org.kesra.welfare.uploads.web;

import java.io.IOException;
import org.kesra.sheets.SpooledUpload;
import org.kesra.welfare.WelfareProblems;
import org.springframework.web.multipart.MultipartFile;

/** How a welfare upload (verivali, deciles, payments) leaves the request: copied aside, then read by its use case. */
public final class Uploads {

    private Uploads() {
    }

    /** The uploaded file copied aside with its SHA-256 (the readers need a file); an empty upload is a 400. */
    public static SpooledUpload spool(MultipartFile upload, String prefix) throws IOException {
        if (upload.isEmpty()) {
            throw WelfareProblems.FILE_EMPTY.refuse("Berkas kosong.");
        }
        return SpooledUpload.of(upload.getInputStream(), prefix);
    }

}
