package org.kesra.household.registry.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;
import org.kesra.platform.web.Paging;

/**
 * The searches of {@code POST /api/v1/persons/search} and {@code POST /api/v1/households/search}: the same filters and
 * paging as the GET lists, but in the JSON body, because a NIK, KK number or name in a query string lands in the
 * access logs of the gateway and the service (and a name search's cursor carries the last name it showed).
 */
final class SearchRequests {

    /** The page size the search lists share with their GET forms: default 50, at most 200. */
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    record PersonSearch(
            @Pattern(regexp = "[0-9]{16}", message = "NIK harus 16 digit") String nik,
            String name,
            @Pattern(regexp = "[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}",
                    message = "kode kelurahan berbentuk 18.72.05.1001") String kelurahan,
            UUID household,
            LocalDate birthDate,
            @Pattern(regexp = "TANGGAL_LAHIR_TIDAK_SESUAI|JENIS_KELAMIN_TIDAK_SESUAI",
                    message = "flag TANGGAL_LAHIR_TIDAK_SESUAI atau JENIS_KELAMIN_TIDAK_SESUAI") String flag,
            @Pattern(regexp = "HIDUP|MENINGGAL|PINDAH", message = "status HIDUP, MENINGGAL atau PINDAH") String lifeStatus,
            @Min(value = 0, message = "nomor halaman adalah bilangan bulat mulai dari 0") Integer page,
            String cursor,
            @Min(value = 1, message = "ukuran halaman adalah bilangan bulat 1 sampai " + MAX_SIZE)
            @Max(value = MAX_SIZE, message = "ukuran halaman adalah bilangan bulat 1 sampai " + MAX_SIZE) Integer size) {

        Paging paging() {
            return SearchRequests.paging(page, cursor, size);
        }
    }

    record HouseholdSearch(
            @Pattern(regexp = "[0-9]{16}", message = "nomor KK harus 16 digit") String kk,
            @Pattern(regexp = "[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}",
                    message = "kode kelurahan berbentuk 18.72.05.1001") String kelurahan,
            @Pattern(regexp = "[0-9]{1,3}", message = "RW berupa nomor") String rw,
            @Pattern(regexp = "[0-9]{1,3}", message = "RT berupa nomor") String rt,
            @Pattern(regexp = "AKTIF|BUBAR", message = "status AKTIF atau BUBAR") String status,
            @Min(value = 0, message = "nomor halaman adalah bilangan bulat mulai dari 0") Integer page,
            String cursor,
            @Min(value = 1, message = "ukuran halaman adalah bilangan bulat 1 sampai " + MAX_SIZE)
            @Max(value = MAX_SIZE, message = "ukuran halaman adalah bilangan bulat 1 sampai " + MAX_SIZE) Integer size) {

        Paging paging() {
            return SearchRequests.paging(page, cursor, size);
        }
    }

    private static Paging paging(Integer page, String cursor, Integer size) {
        return new Paging(page == null ? 0 : page, cursor, size == null ? DEFAULT_SIZE : size);
    }

    private SearchRequests() {
    }
}
