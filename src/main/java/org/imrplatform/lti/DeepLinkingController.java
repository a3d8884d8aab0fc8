package org.imrplatform.lti;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.imrplatform.course.Course;
import org.imrplatform.course.CourseAddresses;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.course.CourseModule;
import org.imrplatform.shared.ContentSecurityPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A teacher's deep linking: the courses and their modules to choose from, then the signed answer returned to the
 * learning system through a form with a button (no script needed). A request is found only by the browser whose
 * launch made it ({@link LaunchCookie}): elsewhere its address is "not found".
 */
@Controller
class DeepLinkingController {

    private final DeepLinkRequests requests;
    private final Platforms platforms;
    private final CourseCatalog catalog;
    private final DeepLinkResponse responses;
    private final ToolAddresses tool;

    DeepLinkingController(DeepLinkRequests requests, Platforms platforms, CourseCatalog catalog,
            DeepLinkResponse responses, ToolAddresses tool) {
        this.requests = requests;
        this.platforms = platforms;
        this.catalog = catalog;
        this.responses = responses;
        this.tool = tool;
    }

    @GetMapping(ToolAddresses.DEEP_LINKING + "/{id}")
    String choices(@PathVariable String id, Model model, Locale locale, HttpServletRequest browser) {
        requests.find(id, LaunchCookie.hashOf(browser)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return show(id, null, model, locale);
    }

    @PostMapping(ToolAddresses.DEEP_LINKING + "/{id}")
    String choose(@PathVariable String id, @RequestParam(required = false) String choice, Model model,
            Locale locale, HttpServletRequest browser, HttpServletResponse response) {
        DeepLinkRequests.DeepLinkRequest request = requests.find(id, LaunchCookie.hashOf(browser))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Platform platform = platforms.find(request.platformId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<LaunchTarget> target = chosen(choice);
        if (target.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(id, "lti.deepLinking.choose.required", model, locale);
        }
        if (!requests.take(id, LaunchCookie.hashOf(browser))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Course course = catalog.require(target.get().courseId()).in(locale);
        String title = target.get().moduleId() == null ? course.title()
                : course.title() + ": " + course.module(target.get().moduleId()).map(CourseModule::title).orElseThrow();
        model.addAttribute("title", title);
        model.addAttribute("returnUrl", request.returnUrl());
        model.addAttribute("jwt", responses.signed(platform, request, title, tool.of(target.get().path())));
        // The answer's form is sent to the learning system, so this page (and only this one) may post there.
        URI platformSite = URI.create(request.returnUrl());
        response.setHeader("Content-Security-Policy", ContentSecurityPolicy.allowingFormsTo(
                platformSite.getScheme() + "://" + platformSite.getRawAuthority()));
        return "lti/deep-linking-return";
    }

    private Optional<LaunchTarget> chosen(String choice) {
        if (choice == null || choice.length() > 201) {
            return Optional.empty();
        }
        int slash = choice.indexOf('/');
        String path = slash < 0 ? CourseAddresses.course(choice)
                : CourseAddresses.module(choice.substring(0, slash), choice.substring(slash + 1));
        return LaunchTarget.of(tool.of(path), tool.of("/"), catalog);
    }

    private String show(String id, String problem, Model model, Locale locale) {
        model.addAttribute("requestId", id);
        model.addAttribute("problem", problem);
        model.addAttribute("courses", catalog.courses().stream().map(course -> course.in(locale)).toList());
        return "lti/deep-linking";
    }
}
