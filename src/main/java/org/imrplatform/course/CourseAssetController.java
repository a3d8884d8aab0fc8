package org.imrplatform.course;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;

/**
 * Serves images and media from a stored package version. The address holds the version's checksum, so a file never
 * changes at its address and browsers may keep it for a year. A file is answered as a {@link Resource}, so Spring
 * MVC honours a {@code Range} request with 206 and the part asked for: audio and video players seek that way, one
 * range at a time.
 */
@Controller
class CourseAssetController {

    private final CourseCatalog catalog;

    CourseAssetController(CourseCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/courses/{courseId}/assets/{checksum}/**")
    ResponseEntity<Resource> asset(@PathVariable String courseId, @PathVariable String checksum,
            HttpServletRequest request) {
        // The file's path is what follows /courses/{courseId}/assets/{checksum}/, still encoded in the address; an
        // address that stops at the checksum names no file.
        String[] segments = request.getRequestURI().substring(request.getContextPath().length()).split("/", 6);
        if (segments.length < 6) {
            return ResponseEntity.notFound().build();
        }
        String path = UriUtils.decode(segments[5], "UTF-8");
        String range = request.getHeader(HttpHeaders.RANGE);
        return catalog.asset(courseId, checksum, path)
                .map(bytes -> range != null && !isOneServableRange(range, bytes)
                        ? ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                                .header(HttpHeaders.CONTENT_RANGE, "bytes */" + bytes.length).<Resource>build()
                        : ResponseEntity.ok()
                        .contentType(MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                        // Package files are content, never code: an SVG opened on its own must not run script.
                        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                        .body((Resource) new ByteArrayResource(bytes)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /**
     * Players seek with one range at a time. Anything else is refused here rather than by Spring MVC, which would
     * answer 416 with the whole file under the file's year-long caching, or a multipart of up to a hundred parts.
     */
    private static boolean isOneServableRange(String header, byte[] bytes) {
        try {
            List<HttpRange> ranges = HttpRange.parseRanges(header);
            return ranges.size() == 1 && ranges.get(0).toResourceRegion(new ByteArrayResource(bytes)).getCount() > 0;
        } catch (IllegalArgumentException malformedOrOutside) {
            return false;
        }
    }
}
