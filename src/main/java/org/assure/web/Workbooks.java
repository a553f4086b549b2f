package org.assure.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

/** A spreadsheet download: its content type, and the response that offers a workbook as a file to save. */
public final class Workbooks {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Workbooks() {
    }

    /** The workbook (bytes, a streamed or a system file) with the .xlsx type, as an attachment named {@code fileName}. */
    public static <T> MutableHttpResponse<T> download(T body, String fileName) {
        return HttpResponse.ok(body).contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }
}
