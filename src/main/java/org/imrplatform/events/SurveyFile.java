package org.imrplatform.events;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.imrplatform.imports.PendingImports;
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

    /** One usable response; {@code key} identifies it for re-imports. Ratings are null when not answered. */
    record Response(int row, String key, List<Integer> ratings, String comments) implements EventFile.Entry {
    }

    private final List<MessageSourceResolvable> fileProblems = new ArrayList<>();
    private final List<Response> responses = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();
    private final List<DroppedAnswer> dropped = new ArrayList<>();

    static SurveyFile read(byte[] content) {
        SurveyFile file = new SurveyFile();
        String checksum = checksum(content);
        Map<String, Integer> firstRowOfEmail = new HashMap<>();
        UploadedTable table = UploadedTable.read(content, COLUMNS, row -> file.row(row, checksum, firstRowOfEmail));
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
    public List<Rejected> rejected() {
        return rejected;
    }

    @Override
    public List<DroppedAnswer> dropped() {
        return dropped;
    }

    private void row(UploadedTable.Row line, String checksum, Map<String, Integer> firstRowOfEmail) {
        List<String> reasons = new ArrayList<>();
        String email = line.get("email");
        if (!email.isEmpty() && (!UploadedTable.EMAIL.matcher(email).matches() || email.length() > 254)) {
            reasons.add("email '" + email + "' is not an email address (leave it empty for anonymous answers)");
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
            reasons.add("comments are longer than 4,000 characters");
        }
        boolean answered = ratings.stream().anyMatch(Objects::nonNull) || !comments.isEmpty();
        if (reasons.isEmpty() && !answered && notRatings.isEmpty()) {
            reasons.add("the row holds no answer");
        }
        if (reasons.isEmpty() && answered && !email.isEmpty()) {
            Integer first = firstRowOfEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), line.number());
            if (first != null) {
                reasons.add("the same email as row " + first + "; each person answers once");
            }
        }
        if (reasons.isEmpty() && answered) {
            String key = email.isEmpty() ? "anonymous:" + checksum + ":" + line.number()
                    : email.toLowerCase(Locale.ROOT);
            responses.add(new Response(line.number(), key, ratings, comments.isEmpty() ? null : comments));
            dropped.addAll(notRatings);
        } else {
            notRatings.forEach(d -> reasons.add(d.item() + " '" + d.value() + "' must be a whole number from 1 to 5,"
                    + " or empty"));
            rejected.add(new Rejected(line.number(), reasons));
        }
    }

    private static String checksum(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
