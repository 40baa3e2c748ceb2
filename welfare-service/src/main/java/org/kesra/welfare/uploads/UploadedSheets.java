package org.kesra.welfare.uploads;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.kesra.platform.web.ApiProblemException;
import org.kesra.platform.web.Violation;
import org.kesra.platform.web.sheets.SheetFiles;
import org.kesra.platform.web.sheets.SheetSource;
import org.springframework.http.HttpStatus;

/** A list Dinas Sosial uploads (recipients, deciles, payments), opened as CSV or XLSX; anything else is a 415. */
public final class UploadedSheets {

    private UploadedSheets() {
    }

    public static SheetSource open(Path file, String fileName) throws IOException {
        String format = SheetFiles.formatOf(file, fileName).orElseThrow(() -> new ApiProblemException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "WF-FORMAT-BERKAS", "Format berkas tidak didukung",
                "Unggah daftar sebagai CSV (.csv) atau Excel .xlsx. Berkas Excel lama (.xls) simpan dulu sebagai .xlsx.",
                List.of(Violation.field("/file", "format berkas tidak didukung"))));
        return SheetFiles.open(file, format);
    }
}
