package org.imrplatform.course;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.course.packaging.CoursePackage;
import org.imrplatform.course.packaging.InvalidCoursePackageException;
import org.imrplatform.course.packaging.PackageProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
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
    private static final int PUBLISH_ATTEMPTS = 3;

    @GetMapping
    String list(Model model) {
        addCourses(model, catalog);
        return VIEW;
    }

    /**
     * Checks and publishes an uploaded package. Every answer is a redirect to the course list (what was published,
     * or the problems as flash attributes), so reloading the page never sends the file again.
     */
    @PostMapping("/upload")
    String upload(@RequestParam(name = "package", required = false) MultipartFile file,
            @AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return refused(redirect, locale, List.of(PackageProblem.ofUpload("package.upload.none")));
        }
        if (file.getSize() > MAX_PACKAGE_BYTES) {
            return refused(redirect, locale, List.of(PackageProblem.ofUpload("package.upload.tooLarge",
                    MAX_PACKAGE_BYTES / (1024 * 1024))));
        }
        try {
            CourseCatalog.Publication publication = publish(CoursePackage.fromZip(file.getBytes()), me);
            CourseVersion version = publication.version();
            // Logs name people by account id, never by email address.
            log.info("Course '{}' version {} uploaded by account {}: {}", version.courseId(), version.number(),
                    me.accountId(), publication.change());
            return published(redirect, version, switch (publication.change()) {
                case NEW_VERSION -> "admin.published";
                case LIVE_AGAIN -> "admin.liveAgain";
                case NONE -> "admin.unchanged";
            });
        } catch (InvalidCoursePackageException e) {
            return refused(redirect, locale, e.problems());
        } catch (DuplicateKeyException | ConcurrencyFailureException e) {
            return refused(redirect, locale, List.of(PackageProblem.ofUpload("package.upload.concurrent")));
        }
    }

    /**
     * Uploads sent at the same moment clash on a version's unique keys, and only one is stored; the others try
     * again and then find that version (the same content is then "nothing changed").
     */
    private CourseCatalog.Publication publish(CoursePackage pack, SignedInAccount me) {
        for (int attempt = 1; ; attempt++) {
            try {
                return catalog.publish(pack, CourseVersion.Origin.UPLOAD, me.getUsername());
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                if (attempt == PUBLISH_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @PostMapping("/{courseId}/versions/{number}/current")
    String makeCurrent(@PathVariable String courseId, @PathVariable int number,
            @AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
        CourseVersion version = catalog.makeCurrent(courseId, number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        log.info("Course '{}' version {} made current by account {}", courseId, number, me.accountId());
        return published(redirect, version, "admin.published");
    }

    /** Flash attributes travel in the (database-stored) session, so only plain values go in. */
    private static String published(RedirectAttributes redirect, CourseVersion version, String message) {
        redirect.addFlashAttribute("publishedMessage", message);
        redirect.addFlashAttribute("publishedTitle", version.title());
        redirect.addFlashAttribute("publishedNumber", version.number());
        return "redirect:/admin/courses";
    }

    private static void addCourses(Model model, CourseCatalog catalog) {
        model.addAttribute("courses", catalog.courses().stream()
                .map(course -> new CourseVersions(course, catalog.versions(course.id()))).toList());
    }

    /** Back to the course list, which shows the package's problems in the reader's language. */
    private String refused(RedirectAttributes redirect, Locale locale, List<PackageProblem> problems) {
        redirect.addFlashAttribute("problems", problems.stream()
                .map(p -> new ShownProblem(p.where(), messages.getMessage(p, locale))).toList());
        return "redirect:/admin/courses";
    }

    record CourseVersions(Course course, List<CourseVersion> versions) {
    }

    /** A problem as the page shows it: where it is (empty for the upload as a whole) and what to do. */
    record ShownProblem(String where, String text) implements Serializable {
    }
}
