package org.imrplatform.lmspackages;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imrplatform.course.CourseAddresses;
import org.imrplatform.course.StoredCourseVersion;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the pages of a package with the app's templates, in the course's own language, then points every
 * address of the app inside them (package files, links between slides) at the package's own files, so the pages
 * work from wherever the LMS serves them.
 */
@Component
class PackagePages {

    private final ITemplateEngine templates;

    PackagePages(ITemplateEngine templates) {
        this.templates = templates;
    }

    String slide(StoredCourseVersion stored, PackagedCourse.SlidePage page) {
        return relative(stored, render("lmspackages/slide", stored, Map.of("page", page)));
    }

    String launch(StoredCourseVersion stored, PackagedCourse packaged, LmsStandard standard) {
        return render("lmspackages/launch", stored, Map.of("course", packaged.course(), "runtime", standard.runtime,
                "first", packaged.slides().getFirst().file()));
    }

    private String render(String template, StoredCourseVersion stored, Map<String, Object> variables) {
        return templates.process(template,
                new Context(Locale.forLanguageTag(stored.course().language()), variables));
    }

    /**
     * Package files are addressed /courses/{id}/assets/{checksum}/{path} in the app and assets/{path} in the
     * package; links to slides /courses/{id}/modules/{m}/slides/{s} become the slide's page. Course content is
     * escaped HTML from Markdown, so these addresses only ever stand in attributes the reader made.
     */
    private static String relative(StoredCourseVersion stored, String html) {
        String withAssets = html.replace(stored.assetPrefix(), "assets/");
        Pattern slideLink = Pattern.compile(Pattern.quote(CourseAddresses.course(stored.course().id()))
                + "/modules/([a-z0-9-]+)/slides/([a-z0-9-]+)");
        Matcher links = slideLink.matcher(withAssets);
        return links.replaceAll(link ->
                Matcher.quoteReplacement(PackagedCourse.fileOf(link.group(1), link.group(2))));
    }
}
