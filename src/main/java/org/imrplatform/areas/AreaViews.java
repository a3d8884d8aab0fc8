package org.imrplatform.areas;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.imrplatform.events.PublicEvent;
import org.imrplatform.events.PublicEvents;
import org.imrplatform.outcomes.AreaOutcomes;
import org.imrplatform.products.Product;
import org.imrplatform.products.PublishedProducts;
import org.imrplatform.shared.PublicAddress;
import org.imrplatform.voices.Voice;
import org.imrplatform.voices.Voices;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The areas' pages as visitors get them, from memory. A page's figures are computed from the records, which takes
 * a while, so each page is built once per language and day and kept with the generation it was built at
 * ({@link AreaPages#generation()}). Every visit reads the generation (one cheap query) and builds the page again
 * only when it has moved: any change that moves what a page shows adds one to it in the change's own transaction
 * ({@link AreaChanges}), so a change made on another node reaches this one on the next visit.
 */
@Service
class AreaViews {

    private record Key(String slug, String language) {
    }

    /**
     * A page as built for a day and generation, and its PDF once someone asked for it (printed at most once per page
     * built). One per page and language: a newer one replaces it, so old days and generations are not kept.
     */
    private record Built(long generation, LocalDate day, AreaView view, AtomicReference<byte[]> pdf) {
    }

    private final AreaPages pages;
    private final AreaOutcomes outcomes;
    private final PublicEvents events;
    private final PublishedProducts products;
    private final Voices voices;
    private final PublicAddress address;
    private final AreaSheetPrinter printer;
    private final Clock clock;
    private final String centerName;
    private final Cache<Key, Built> built = Caffeine.newBuilder().maximumSize(500).build();
    private final AtomicLong builds = new AtomicLong();

    AreaViews(AreaPages pages, AreaOutcomes outcomes, PublicEvents events, PublishedProducts products,
            Voices voices, PublicAddress address, AreaSheetPrinter printer, Clock clock,
            @Value("${imr.center.name}") String centerName) {
        this.pages = pages;
        this.outcomes = outcomes;
        this.events = events;
        this.products = products;
        this.voices = voices;
        this.address = address;
        this.printer = printer;
        this.clock = clock;
        this.centerName = centerName;
    }

    /** The area's page in English or Spanish (any other language asked is English), or empty for no such area. */
    Optional<AreaView> of(String slug, Locale locale) {
        return current(slug, locale).map(Built::view);
    }

    /** The area's one-page PDF, printed once per page built. */
    Optional<byte[]> pdf(String slug, Locale locale) {
        return current(slug, locale).map(built -> built.pdf().updateAndGet(
                pdf -> pdf != null ? pdf : printer.print(built.view(), locale)));
    }

    private Optional<Built> current(String slug, Locale locale) {
        String language = "es".equals(locale.getLanguage()) ? "es" : "en";
        long generation = pages.generation();
        Key key = new Key(slug, language);
        LocalDate today = LocalDate.now(clock);
        Built kept = built.getIfPresent(key);
        if (kept != null && kept.generation() == generation && kept.day().equals(today)) {
            return Optional.of(kept);
        }
        // Only pages that exist are kept: unknown slugs must not fill the memory.
        Optional<Built> fresh = pages.find(slug)
                .map(page -> new Built(generation, today, build(page, language, today), new AtomicReference<>()));
        fresh.ifPresent(b -> built.put(key, b));
        return fresh;
    }

    /** How many built pages of this area are kept, in all languages (for tests). */
    long copiesOf(String slug) {
        return built.asMap().keySet().stream().filter(key -> key.slug().equals(slug)).count();
    }

    /** How many times a page was built rather than served from memory (for tests). */
    long builds() {
        return builds.get();
    }

    private AreaView build(AreaPage page, String language, LocalDate today) {
        builds.incrementAndGet();
        LocalDate end = page.periodEnd(today);
        List<Product> catalog = products.ofArea(page.area(), end);
        Map<Long, List<Product>> fromEvent = catalog.stream().filter(p -> p.eventId() != null)
                .collect(Collectors.groupingBy(Product::eventId));
        List<PublicEvent> all = events.ofArea(page.area());
        List<PublicEvent> upcoming = all.stream().filter(e -> !e.endsOn().isBefore(today))
                .sorted(Comparator.comparing(PublicEvent::startsOn)).toList();
        List<AreaView.PastEvent> past = all.stream()
                .filter(e -> e.endsOn().isBefore(today) && !e.startsOn().isBefore(page.periodFrom())
                        && !e.startsOn().isAfter(end))
                .map(e -> new AreaView.PastEvent(e, fromEvent.getOrDefault(e.id(), List.of()))).toList();
        return new AreaView(page.slug(), page.area(), AreaView.AreaName.of(page, language), centerName,
                AreaText.of(page.centerTextEn(), page.centerTextEs(), language),
                AreaText.of(page.focusEn(), page.focusEs(), language),
                outcomes.of(page.area(), page.periodFrom(), end), page.periodTo(), catalog, upcoming, past,
                voices.published(page.area(), language).stream().map(Voice::text).toList(),
                new AreaView.Contact(page.email(), page.phone(), page.website(), page.place()), today,
                address.link("/areas/{slug}", page.slug()));
    }
}
