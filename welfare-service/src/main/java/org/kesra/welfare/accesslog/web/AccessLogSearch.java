package org.kesra.welfare.accesslog.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * The filters of {@code POST /api/v1/welfare/personal-data-access/search}: the GET's, the NIK among them, in the JSON
 * body, because a NIK in a query string lands in the access logs of the gateway and the service. Numbered pages as
 * the GET (the log has no cursor).
 */
record AccessLogSearch(
        @Pattern(regexp = "[0-9]{16}", message = "NIK harus 16 digit") String nik,
        String actor,
        @Min(value = 0, message = "nomor halaman adalah bilangan bulat mulai dari 0") Integer page,
        @Min(value = 1, message = "ukuran halaman adalah bilangan bulat 1 sampai " + AccessLogSearch.MAX_SIZE)
        @Max(value = AccessLogSearch.MAX_SIZE,
                message = "ukuran halaman adalah bilangan bulat 1 sampai " + AccessLogSearch.MAX_SIZE) Integer size) {

    /** The page size the POST shares with the GET: default 50, at most 500. */
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    int pageOrFirst() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }
}
