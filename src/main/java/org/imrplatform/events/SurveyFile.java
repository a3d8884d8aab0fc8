package org.imrplatform.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.imrplatform.imports.RejectedRow;
import org.imrplatform.imports.UploadedTable;
import org.springframework.context.MessageSourceResolvable;

/**
 * A post-event survey export: email (may be empty for anonymous surveys), the four satisfaction items rated 1 to 5
 * (empty when not answered) and comments, checked row by row.
 */
final class SurveyFile implements EventFile {

    static final List<String> COLUMNS = List.of("email", "overall_quality", "recommend", "benefit",
            "use_in_practice", "comments");
    static final List<String> ITEMS = COLUMNS.subList(1, 5);

    /**
     * One usable response; {@code key} identifies it for re-imports: the respondent's email, or for anonymous
     * answers their {@link AnonymousAnswers} key. Ratings are null when not answered.
     */
    record Response(int row, String key, List<Integer> ratings, String comments) implements EventFile.Entry {
    }

    private final List<MessageSourceResolvable> fileProblems = new ArrayList<>();
    private final List<Response> responses = new ArrayList<>();
    private final List<RejectedRow> rejected = new ArrayList<>();
    private final List<DroppedAnswer> dropped = new ArrayList<>();
    private final Map<String, Integer> firstRowOfEmail = new HashMap<>();
    private final AnonymousAnswers anonymous = new AnonymousAnswers();

    static SurveyFile read(byte[] content) {
        SurveyFile file = new SurveyFile();
        UploadedTable table = UploadedTable.read(content, COLUMNS, file::row);
        file.fileProblems.addAll(table.problems());
        if (!file.fileProblems.isEmpty()) {
            file.responses.clear();
            file.rejected.clear();
            file.dropped.clear();
        }
        return file;
    }

    @Override
    public List<MessageSourceResolvable> fileProblems() {
        return fileProblems;
    }

    @Override
    public List<Response> entries() {
        return responses;
    }

    @Override
    public List<RejectedRow> rejected() {
        return rejected;
    }

    @Override
    public List<DroppedAnswer> dropped() {
        return dropped;
    }

    private void row(UploadedTable.Row line) {
        List<MessageSourceResolvable> reasons = new ArrayList<>();
        String email = line.get("email");
        if (!email.isEmpty() && (!UploadedTable.EMAIL.matcher(email).matches() || email.length() > 254)) {
            reasons.add(UploadedTable.problem("import.survey.email", email));
        }
        // A rating that is not one is left out alone, so that one slip does not cost the row's other answers.
        List<Integer> ratings = new ArrayList<>();
        List<DroppedAnswer> notRatings = new ArrayList<>();
        for (String item : ITEMS) {
            String value = line.get(item);
            if (value.matches("[1-5]")) {
                ratings.add(Integer.parseInt(value));
            } else {
                ratings.add(null);
                if (!value.isEmpty()) {
                    notRatings.add(new DroppedAnswer(line.number(), item, value));
                }
            }
        }
        String comments = line.get("comments");
        if (comments.length() > 4000) {
            reasons.add(UploadedTable.problem("import.survey.commentsTooLong"));
        }
        boolean answered = ratings.stream().anyMatch(Objects::nonNull) || !comments.isEmpty();
        if (reasons.isEmpty() && !answered && notRatings.isEmpty()) {
            reasons.add(UploadedTable.problem("import.survey.noAnswer"));
        }
        if (reasons.isEmpty() && answered && !email.isEmpty()) {
            Integer first = firstRowOfEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), line.number());
            if (first != null) {
                reasons.add(UploadedTable.problem("import.survey.sameEmail", first));
            }
        }
        if (reasons.isEmpty() && answered) {
            String recorded = comments.isEmpty() ? null : comments;
            String key = email.isEmpty() ? anonymous.key(ratings, recorded) : email.toLowerCase(Locale.ROOT);
            responses.add(new Response(line.number(), key, ratings, recorded));
            dropped.addAll(notRatings);
        } else {
            notRatings.forEach(d -> reasons.add(UploadedTable.problem("import.survey.notARating", d.item(),
                    d.value())));
            rejected.add(new RejectedRow(line.number(), reasons));
        }
    }
}
