package org.imrplatform.voices;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.outcomes.AreaOutcomes;
import org.imrplatform.shared.ReasonableDate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The administrator's page of comments from the field: read an area's comments of a period, newest first and a page
 * at a time, and publish each (in the language it is written in) or un-publish it. Writers are never shown.
 */
@Controller
@RequestMapping("/admin/outcomes/voices")
class VoicesController {

    static final int PAGE_SIZE = 50;
    /** The center's own area of focus, shown when the page is not asked about another (as on the outcomes page). */
    static final String DEFAULT_AREA = "Illness Management and Recovery";

    private final FieldComments comments;
    private final Publications publications;
    private final AreaOutcomes areas;
    private final Clock clock;

    VoicesController(FieldComments comments, Publications publications, AreaOutcomes areas, Clock clock) {
        this.comments = comments;
        this.publications = publications;
        this.areas = areas;
        this.clock = clock;
    }

    /** The list as asked in the address: the period (a year to today unless asked), the area and the page. */
    record Asked(LocalDate from, LocalDate to, String area, int page, String error) {

        /** The same list's address, for links and the return after a form. */
        public String address(int onPage) {
            return UriComponentsBuilder.fromPath("/admin/outcomes/voices").queryParam("from", from)
                    .queryParam("to", to).queryParam("area", area == null ? "" : area).queryParam("page", onPage)
                    .encode().build().toUriString();
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String area, @RequestParam(required = false) String page, Model model) {
        Asked asked = asked(from, to, area, page);
        FieldComments.Page found = comments.page(new FieldComments.Scope(asked.from(), asked.to(), asked.area()),
                (asked.page() - 1L) * PAGE_SIZE, PAGE_SIZE);
        long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (asked.page() > pages) {
            return "redirect:" + asked.address((int) pages);
        }
        model.addAttribute("asked", asked);
        model.addAttribute("found", found);
        model.addAttribute("pages", pages);
        model.addAttribute("firstShown", (asked.page() - 1L) * PAGE_SIZE + 1);
        model.addAttribute("areas", areaChoices(asked.area()));
        model.addAttribute("suggested", found.comments().stream().map(c -> WrittenLanguage.guess(c.text())).toList());
        return "voices/comments";
    }

    @PostMapping("/publish")
    String publish(@RequestParam(required = false) String comment, @RequestParam(required = false) String language,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String area, @RequestParam(required = false) String page,
            @AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
        Asked asked = asked(from, to, area, page);
        Optional<CommentRef> ref = CommentRef.parse(comment);
        if (ref.isEmpty()) {
            return refused(asked, redirect, "voices.comment.unknown");
        }
        if (language == null || !Voices.LANGUAGES.contains(language.strip())) {
            return refused(asked, redirect, "voices.language.required");
        }
        Publications.Outcome outcome;
        try {
            outcome = publications.publish(ref.get(), language.strip(), me.accountId());
        } catch (DuplicateKeyException e) {
            // Another request published it a moment before this one: it is published once.
            outcome = Publications.Outcome.ALREADY_PUBLISHED;
        }
        return back(asked, redirect, outcome, language.strip(), ref.get());
    }

    @PostMapping("/unpublish")
    String unpublish(@RequestParam(required = false) String comment, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String area,
            @RequestParam(required = false) String page, @AuthenticationPrincipal SignedInAccount me,
            RedirectAttributes redirect) {
        Asked asked = asked(from, to, area, page);
        Optional<CommentRef> ref = CommentRef.parse(comment);
        if (ref.isEmpty()) {
            return refused(asked, redirect, "voices.comment.unknown");
        }
        return back(asked, redirect, publications.unpublish(ref.get(), me.accountId()), null, ref.get());
    }

    /** Back to the list the form was sent from, at the comment, saying what happened. */
    private static String back(Asked asked, RedirectAttributes redirect, Publications.Outcome outcome, String language,
            CommentRef ref) {
        if (outcome == Publications.Outcome.NO_SUCH_COMMENT) {
            return refused(asked, redirect, "voices.comment.unknown");
        }
        redirect.addFlashAttribute("done", switch (outcome) {
            case PUBLISHED -> "voices.published." + language;
            case ALREADY_PUBLISHED -> "voices.alreadyPublished";
            case UNPUBLISHED -> "voices.unpublished";
            default -> "voices.notPublished";
        });
        return "redirect:" + asked.address(asked.page()) + "#comment-" + ref;
    }

    /** Back to the list, with the problem at its top; nothing was changed. */
    private static String refused(Asked asked, RedirectAttributes redirect, String problem) {
        redirect.addFlashAttribute("problem", problem);
        return "redirect:" + asked.address(asked.page());
    }

    /**
     * Dates that cannot be read, lie outside reasonable years or run backwards are reported on the page, which then
     * shows the default period. No area in the address means the center's own; an empty one means every area.
     */
    private Asked asked(String from, String to, String area, String page) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = today.minusYears(1);
        LocalDate end = today;
        String error = null;
        try {
            LocalDate askedStart = from == null || from.isBlank() ? start : LocalDate.parse(from.strip());
            LocalDate askedEnd = to == null || to.isBlank() ? end : LocalDate.parse(to.strip());
            if (askedEnd.isBefore(askedStart)) {
                error = "voices.range.backwards";
            } else if (askedStart.isBefore(ReasonableDate.EARLIEST) || askedEnd.isAfter(ReasonableDate.LATEST)) {
                error = "voices.range.outOfRange";
            } else {
                start = askedStart;
                end = askedEnd;
            }
        } catch (DateTimeParseException e) {
            error = "voices.range.unreadable";
        }
        String focus = area == null ? DEFAULT_AREA : area.isBlank() ? null : area.strip();
        int number = 1;
        try {
            number = page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            // Not a page number: the first page.
        }
        return new Asked(start, end, focus, number, error);
    }

    /** The areas to choose from, the one asked about among them even before it has comments. */
    private List<String> areaChoices(String area) {
        List<String> choices = new ArrayList<>(areas.areas());
        if (area != null && choices.stream().noneMatch(area::equalsIgnoreCase)) {
            choices.add(0, area);
        }
        return choices;
    }
}
