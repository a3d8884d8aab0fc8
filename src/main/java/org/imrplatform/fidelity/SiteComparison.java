package org.imrplatform.fidelity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.imrplatform.practice.ImrProgram;
import org.imrplatform.practice.Site;

/**
 * Sites side by side on one instrument version: for each site, the average over its latest reviews (one per
 * program, or per facilitator for a clinical instrument) of each item's rating and of the means. Averages of
 * ratings are rounded to two decimals; "—" where a site has no rating for the item.
 */
record SiteComparison(Instrument instrument, List<Site> sites, List<ItemRow> items, List<String> means) {

    record ItemRow(InstrumentItem item, List<String> averages) {
    }

    static SiteComparison of(Instrument instrument, List<Site> allSites, List<ImrProgram> programs,
            List<FeedbackReport> latest) {
        Map<Long, Long> siteOfProgram = programs.stream()
                .collect(Collectors.toMap(ImrProgram::id, ImrProgram::siteId));
        Map<Long, List<FeedbackReport>> bySite = latest.stream()
                .collect(Collectors.groupingBy(r -> siteOfProgram.get(r.review().programId())));
        List<Site> sites = allSites.stream().filter(s -> bySite.containsKey(s.id())).toList();
        List<ItemRow> items = instrument.items().stream().map(item -> new ItemRow(item, sites.stream()
                .map(site -> average(bySite.get(site.id()), r -> r.review().ratingValues().get(item.id())))
                .toList())).toList();
        List<String> means = sites.stream().map(site -> average(bySite.get(site.id()), r -> r.score().mean()))
                .toList();
        return new SiteComparison(instrument, sites, items, means);
    }

    private static String average(List<FeedbackReport> reports, Function<FeedbackReport, Number> value) {
        List<BigDecimal> values = reports.stream().map(value).filter(Objects::nonNull)
                .map(n -> new BigDecimal(n.toString())).toList();
        if (values.isEmpty()) {
            return "—";
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP).toPlainString();
    }
}
