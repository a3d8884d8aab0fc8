package org.imrplatform.shared;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A download of a person's private data (a participant's record, sheet, plan or workbook): never kept by a browser or
 * proxy cache, and named so the file name says nothing about whom it is about.
 */
public final class PrivateDownload {

    private PrivateDownload() {
    }

    public static <T> ResponseEntity<T> of(MediaType type, String filename, T body) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }
}
