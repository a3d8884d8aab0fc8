package org.imrplatform.learn;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.imrplatform.assessment.CheckAttempt;
import org.imrplatform.course.KnowledgeCheckSlide;
import org.imrplatform.course.KnowledgeCheckSlide.Question;
import org.imrplatform.course.KnowledgeTest;

/**
 * A learner's submitted answers to a knowledge check. Answers arrive as option positions in form fields named
 * {@code q-<question id>}; anything that is not one of the question's options is reported, never guessed at.
 */
final class KnowledgeCheckAttempt {

    /** Why an answer could not be graded; the names are message keys. */
    enum Problem {
        UNANSWERED, NOT_AN_OPTION, ONE_ONLY
    }

    record Answer(Set<Integer> chosen, Problem problem, boolean correct) {

        public boolean isChosen(int option) {
            return chosen.contains(option);
        }
    }

    private final List<Question> questions;
    private final int passPercent;
    private final Map<String, Answer> answers = new LinkedHashMap<>();

    private KnowledgeCheckAttempt(List<Question> questions, int passPercent, Map<String, List<String>> form) {
        this.questions = questions;
        this.passPercent = passPercent;
        for (Question question : questions) {
            answers.put(question.id(), answer(question, form.getOrDefault(fieldName(question), List.of())));
        }
    }

    static KnowledgeCheckAttempt of(KnowledgeCheckSlide check, Map<String, List<String>> form) {
        return new KnowledgeCheckAttempt(check.questions(), check.passPercent(), form);
    }

    /** The knowledge test has no pass mark: it measures, so every complete attempt counts as passed. */
    static KnowledgeCheckAttempt of(KnowledgeTest test, Map<String, List<String>> form) {
        return new KnowledgeCheckAttempt(test.questions(), 0, form);
    }

    /**
     * A stored attempt shown again: its answers are option positions by question id, so they read the same in every
     * translation of the check. Null when the check has changed since (a new version), so the answers no longer fit.
     */
    static KnowledgeCheckAttempt stored(KnowledgeCheckSlide check, CheckAttempt stored) {
        Map<String, List<String>> form = new HashMap<>();
        stored.answers().forEach(answer -> form.put("q-" + answer.questionId(),
                answer.chosen().stream().map(String::valueOf).toList()));
        KnowledgeCheckAttempt attempt = of(check, form);
        return attempt.isComplete() ? attempt : null;
    }

    static String fieldName(Question question) {
        return "q-" + question.id();
    }

    public Answer answer(String questionId) {
        return answers.get(questionId);
    }

    /** Every question has a valid answer, so the attempt can be scored. */
    public boolean isComplete() {
        return answers.values().stream().allMatch(a -> a.problem() == null);
    }

    public int correctCount() {
        return (int) answers.values().stream().filter(Answer::correct).count();
    }

    public int questionCount() {
        return answers.size();
    }

    public int percent() {
        return Math.round(100f * correctCount() / questionCount());
    }

    public boolean isPassed() {
        return isComplete() && percent() >= passPercent;
    }

    /** The graded attempt as it is kept for a signed-in learner; only a complete attempt is kept. */
    CheckAttempt toRecord(String moduleId, String slideId) {
        List<CheckAttempt.ItemAnswer> items = questions.stream().map(question -> {
            Answer answer = answers.get(question.id());
            return new CheckAttempt.ItemAnswer(question.id(), List.copyOf(answer.chosen()), answer.correct());
        }).toList();
        return new CheckAttempt(moduleId, slideId, items, percent(), isPassed());
    }

    private static Answer answer(Question question, List<String> values) {
        Set<Integer> chosen = new TreeSet<>();
        for (String value : values) {
            int option = position(question, value);
            if (option < 0) {
                return new Answer(Set.of(), Problem.NOT_AN_OPTION, false);
            }
            chosen.add(option);
        }
        if (chosen.isEmpty()) {
            return new Answer(chosen, Problem.UNANSWERED, false);
        }
        if (!question.multiple() && chosen.size() > 1) {
            return new Answer(Set.of(), Problem.ONE_ONLY, false);
        }
        return new Answer(chosen, null, question.isAnsweredBy(chosen));
    }

    /** The option whose position is exactly the value sent, as the form offers it ("+1" or " 1" is no option). */
    private static int position(Question question, String value) {
        for (int option = 0; option < question.options().size(); option++) {
            if (String.valueOf(option).equals(value)) {
                return option;
            }
        }
        return -1;
    }
}
