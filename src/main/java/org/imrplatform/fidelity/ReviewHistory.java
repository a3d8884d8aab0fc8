package org.imrplatform.fidelity;

import java.math.BigDecimal;
import java.util.List;

/**
 * One subject's submitted reviews (a program's, or a facilitator's) on one instrument version, oldest first: the
 * ratings item by item, the means, and the change from the previous review to the latest.
 */
record ReviewHistory(Instrument instrument, List<FeedbackReport> reports) {

    /** One item across the reviews: each review's rating, "na" when not applicable, "—" when not rated. */
    record ItemRow(InstrumentItem item, List<String> ratings, String change) {
    }

    public List<ItemRow> items() {
        return instrument.items().stream().map(item -> new ItemRow(item,
                reports.stream().map(report -> cell(report, item)).toList(),
                change(reports.stream().map(r -> rating(r, item)).toList()))).toList();
    }

    public List<String> means() {
        return means(reports).stream().map(m -> m == null ? "—" : m.toPlainString()).toList();
    }

    public String meanChange() {
        return change(means(reports));
    }

    public List<String> dates() {
        return reports.stream().map(r -> r.review().reviewedOn().toString()).toList();
    }

    /** The trend of the means; {@code captionId} is the id of the caption of the table with the same figures. */
    public String chart(String captionId) {
        return TrendChart.svg(dates(), means(reports), instrument.min(), instrument.max(), instrument.target(),
                captionId);
    }

    private static List<BigDecimal> means(List<FeedbackReport> reports) {
        return reports.stream().map(r -> r.score().mean()).toList();
    }

    private static BigDecimal rating(FeedbackReport report, InstrumentItem item) {
        Integer rating = report.review().ratingValues().get(item.id());
        return rating == null ? null : BigDecimal.valueOf(rating);
    }

    private static String cell(FeedbackReport report, InstrumentItem item) {
        ItemRating answer = report.review().ratings().get(item.id());
        if (answer == null || (answer.rating() == null && !answer.notApplicable())) {
            return "—";
        }
        return answer.notApplicable() ? ReviewForm.NOT_APPLICABLE : answer.rating().toString();
    }

    /** Latest minus previous, signed ("+1", "-0.31", "0"); "—" when there is no previous value to compare. */
    private static String change(List<BigDecimal> values) {
        if (values.size() < 2 || values.getLast() == null || values.get(values.size() - 2) == null) {
            return "—";
        }
        BigDecimal change = values.getLast().subtract(values.get(values.size() - 2));
        return (change.signum() > 0 ? "+" : "") + change.stripTrailingZeros().toPlainString();
    }
}
