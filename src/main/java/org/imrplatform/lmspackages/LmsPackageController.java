package org.imrplatform.lmspackages;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.imrplatform.account.SignedInAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Administrators download a course version as a SCORM 1.2 or cmi5 package (the links are on the course
 * administration page). The zip is written straight into the response as it is made.
 */
@Controller
@RequestMapping("/admin/courses/{courseId}/versions/{number}")
class LmsPackageController {

    private static final Logger log = LoggerFactory.getLogger(LmsPackageController.class);
    /** Course ids as packages state them; anything else names no course, and never reaches a query or a file name. */
    private static final Pattern COURSE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

    private final LmsPackages packages;

    LmsPackageController(LmsPackages packages) {
        this.packages = packages;
    }

    @GetMapping("/scorm12.zip")
    void scorm12(@PathVariable String courseId, @PathVariable String number,
            @AuthenticationPrincipal SignedInAccount me, HttpServletResponse response) throws IOException {
        download(courseId, number, LmsStandard.SCORM_12, me, response);
    }

    @GetMapping("/cmi5.zip")
    void cmi5(@PathVariable String courseId, @PathVariable String number,
            @AuthenticationPrincipal SignedInAccount me, HttpServletResponse response) throws IOException {
        download(courseId, number, LmsStandard.CMI5, me, response);
    }

    private void download(String courseId, String number, LmsStandard standard, SignedInAccount me,
            HttpServletResponse response) throws IOException {
        if (!COURSE_ID.matcher(courseId).matches() || !NUMBER.matcher(number).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        LmsPackage pack = packages.build(courseId, Integer.parseInt(number), standard)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        log.info("Course '{}' version {} exported as {} by account {}", courseId, number, standard.slug,
                me.accountId());
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(courseId + "-v" + number + "-" + standard.slug + ".zip").build().toString());
        pack.writeTo(response.getOutputStream());
    }
}
