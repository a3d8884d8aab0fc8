package org.imrplatform.course;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.course.packaging.CoursePackage;
import org.imrplatform.course.packaging.InvalidCoursePackageException;
import org.imrplatform.course.packaging.PackageProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators see every course's versions, upload a new version as a zip, and switch the current version. */
@Controller
@RequestMapping("/admin/courses")
class CourseAdminController {

    private static final Logger log = LoggerFactory.getLogger(CourseAdminController.class);
    static final String VIEW = "course/admin";

    private final CourseCatalog catalog;
    private final MessageSource messages;

    CourseAdminController(CourseCatalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    static final long MAX_PACKAGE_BYTES = 25L * 1024 * 1024;

    @GetMapping
    String list(Model model) {
        addCourses(model, catalog);
        return VIEW;
    }

    @PostMapping("/upload")
    String upload(@RequestParam(name = "package", required = false) MultipartFile file,
            @AuthenticationPrincipal SignedInAccount me, Model model, RedirectAttributes redirect, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return rejected(model, locale, List.of(PackageProblem.ofUpload("package.upload.none")));
        }
        if (file.getSize() > MAX_PACKAGE_BYTES) {
            return rejected(model, locale, List.of(PackageProblem.ofUpload("package.upload.tooLarge",
                    MAX_PACKAGE_BYTES / (1024 * 1024))));
        }
        try {
            CourseVersion version = catalog.publish(CoursePackage.fromZip(file.getBytes()),
                    CourseVersion.Origin.UPLOAD, me.getUsername());
            // Logs name people by account id, never by email address.
            log.info("Course '{}' version {} published by account {}", version.courseId(), version.number(),
                    me.accountId());
            return published(redirect, version);
        } catch (InvalidCoursePackageException e) {
            return rejected(model, locale, e.problems());
        } catch (DuplicateKeyException e) {
            return rejected(model, locale, List.of(PackageProblem.ofUpload("package.upload.concurrent")));
        }
    }

    @PostMapping("/{courseId}/versions/{number}/current")
    String makeCurrent(@PathVariable String courseId, @PathVariable int number,
            @AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
        CourseVersion version = catalog.makeCurrent(courseId, number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        log.info("Course '{}' version {} made current by account {}", courseId, number, me.accountId());
        return published(redirect, version);
    }

    /** Flash attributes travel in the (database-stored) session, so only plain values go in. */
    private static String published(RedirectAttributes redirect, CourseVersion version) {
        redirect.addFlashAttribute("publishedTitle", version.title());
        redirect.addFlashAttribute("publishedNumber", version.number());
        return "redirect:/admin/courses";
    }

    private static void addCourses(Model model, CourseCatalog catalog) {
        model.addAttribute("courses", catalog.courses().stream()
                .map(course -> new CourseVersions(course, catalog.versions(course.id()))).toList());
    }

    /** The course list with the package's problems, in the reader's language. */
    private String rejected(Model model, Locale locale, List<PackageProblem> problems) {
        addCourses(model, catalog);
        model.addAttribute("problems", problems.stream()
                .map(p -> new ShownProblem(p.where(), messages.getMessage(p, locale))).toList());
        return VIEW;
    }

    record CourseVersions(Course course, List<CourseVersion> versions) {
    }

    /** A problem as the page shows it: where it is (empty for the upload as a whole) and what to do. */
    record ShownProblem(String where, String text) {
    }
}
