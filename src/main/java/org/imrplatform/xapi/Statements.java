package org.imrplatform.xapi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.imrplatform.assessment.CheckAnswered;
import org.imrplatform.assessment.CheckAttempt;
import org.imrplatform.assessment.KnowledgeTestSat;
import org.imrplatform.completion.CourseCompleted;
import org.imrplatform.course.Course;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.course.CourseAddresses;
import org.imrplatform.course.KnowledgeCheckSlide;
import org.imrplatform.course.Slide;
import org.imrplatform.evaluation.EvaluationSubmitted;
import org.imrplatform.progress.SlideSeen;
import org.imrplatform.shared.PublicAddress;
import org.imrplatform.xapi.Statement.Activity;
import org.imrplatform.xapi.Statement.Agent;
import org.imrplatform.xapi.Statement.Choice;
import org.imrplatform.xapi.Statement.Context;
import org.imrplatform.xapi.Statement.ContextActivities;
import org.imrplatform.xapi.Statement.Definition;
import org.imrplatform.xapi.Statement.Result;
import org.imrplatform.xapi.Statement.Score;
import org.imrplatform.xapi.Statement.Verb;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns learners' actions into xAPI statements. Activity ids are addresses under the configured public address
 * (never a request's Host), the same in every language; names come in every language the course has. A statement
 * carries only the learner's opaque account name, what they did and how it was graded: never an email, a name, a
 * reflection or an evaluation's answers. Actions on a course (or slide) no longer published make no statement.
 */
@Component
class Statements {

    static final String PLATFORM = "IMR Platform";
    private static final String ADL = "http://adlnet.gov/expapi/";

    /** The xAPI verbs sent, with their display in English and Spanish. */
    enum Kind {
        EXPERIENCED(ADL + "verbs/experienced", "experienced", "experimentó"),
        ANSWERED(ADL + "verbs/answered", "answered", "contestó"),
        PASSED(ADL + "verbs/passed", "passed", "aprobó"),
        FAILED(ADL + "verbs/failed", "failed", "no aprobó"),
        COMPLETED(ADL + "verbs/completed", "completed", "completó"),
        RESPONDED(ADL + "verbs/responded", "responded", "respondió");

        private final Verb verb;

        Kind(String id, String english, String spanish) {
            this.verb = new Verb(id, languageMap("en-US", english, "es", spanish));
        }

        String word() {
            return verb.display().get("en-US");
        }
    }

    /** A statement ready for the outbox, with its kind for the administrator's counts. */
    record Queued(Kind kind, Statement statement) {
    }

    private final CourseCatalog catalog;
    private final PublicAddress address;
    private final LearnerKeys keys;
    private final MessageSource messages;

    Statements(CourseCatalog catalog, PublicAddress address, LearnerKeys keys, MessageSource messages) {
        this.catalog = catalog;
        this.address = address;
        this.keys = keys;
        this.messages = messages;
    }

    List<Queued> of(SlideSeen seen) {
        return on(seen.courseId(), course -> slide(course, seen.moduleId(), seen.slideId())
                .map(slide -> List.of(statement(Kind.EXPERIENCED,
                        keys.statementId("experienced", seen.accountId(), seen.courseId(), seen.moduleId(),
                                seen.slideId()),
                        seen.accountId(), course, slide, null, List.of(courseActivity(course)), seen.at())))
                .orElse(List.of()));
    }

    /** One statement per question (the options chosen, whether right), then the check's result with its score. */
    List<Queued> of(CheckAnswered answered) {
        CheckAttempt attempt = answered.attempt();
        return on(answered.courseId(), course -> {
            Optional<Activity> check = slide(course, attempt.moduleId(), attempt.slideId());
            Optional<KnowledgeCheckSlide> questions = course.module(attempt.moduleId())
                    .flatMap(module -> module.slide(attempt.slideId()))
                    .filter(KnowledgeCheckSlide.class::isInstance).map(KnowledgeCheckSlide.class::cast);
            if (check.isEmpty() || questions.isEmpty()) {
                return List.of();
            }
            List<Queued> statements = new ArrayList<>();
            for (CheckAttempt.ItemAnswer answer : attempt.answers()) {
                questions.get().questions().stream().filter(q -> q.id().equals(answer.questionId())).findFirst()
                        .ifPresent(question -> statements.add(statement(Kind.ANSWERED,
                                keys.statementId("answered", answered.accountId(), answered.attemptId(),
                                        question.id()),
                                answered.accountId(), course,
                                question(course, attempt.moduleId(), attempt.slideId(), question.id()),
                                new Result(null, answer.correct(), true, response(answer)),
                                List.of(check.get()), answered.at())));
            }
            statements.add(statement(attempt.passed() ? Kind.PASSED : Kind.FAILED,
                    keys.statementId("check", answered.accountId(), answered.attemptId()), answered.accountId(),
                    course, check.get(), scored(attempt), List.of(courseActivity(course)), answered.at()));
            return statements;
        });
    }

    List<Queued> of(KnowledgeTestSat sat) {
        CheckAttempt attempt = sat.attempt();
        // The knowledge test has no pass mark: a sitting is completed with its score, never passed or failed (a
        // learner's first try before the course would otherwise read as a pass in the store's reports).
        return on(sat.courseId(), course -> course.knowledgeTest() == null ? List.of() : List.of(statement(
                Kind.COMPLETED,
                keys.statementId("test", sat.accountId(), sat.attemptId()), sat.accountId(), course,
                Activity.of(address.link("/courses/{course}/knowledge-test/{sitting}", course.id(),
                                attempt.slideId()),
                        new Definition(described(course, "xapi.activity.test." + attempt.slideId(),
                                c -> c.knowledgeTest().title()), ADL + "activities/assessment")),
                scored(attempt, null), List.of(courseActivity(course)), sat.at())));
    }

    List<Queued> of(CourseCompleted completed) {
        return on(completed.courseId(), course -> List.of(statement(Kind.COMPLETED,
                keys.statementId("completed", completed.accountId(), completed.courseId()), completed.accountId(),
                course, courseActivity(course), new Result(null, null, true, null), null, completed.completedAt())));
    }

    /** That the evaluation was submitted, never its answers (free text or ratings): those stay on the platform. */
    List<Queued> of(EvaluationSubmitted submitted) {
        return on(submitted.courseId(), course -> List.of(statement(Kind.RESPONDED,
                keys.statementId("responded", submitted.accountId(), submitted.courseId()), submitted.accountId(),
                course, Activity.of(address.link("/courses/{course}/evaluation", course.id()),
                        new Definition(described(course, "xapi.activity.evaluation", Course::title),
                                "http://id.tincanapi.com/activitytype/survey")),
                new Result(null, null, true, null), List.of(courseActivity(course)), submitted.at())));
    }

    private List<Queued> on(String courseId, Function<Course, List<Queued>> make) {
        return catalog.course(courseId).map(make).orElse(List.of());
    }

    private Queued statement(Kind kind, String id, long accountId, Course course, Activity object, Result result,
            List<Activity> parents, Instant at) {
        // The language the learner read the course in: their interface language when the course has it. Known only
        // in the learner's request; an action delivered again later (the event publication registry, on another
        // thread) says no language rather than the server's.
        String language = LocaleContextHolder.getLocaleContext() == null ? null
                : languageTag(course.in(LocaleContextHolder.getLocale()).language());
        Context context = new Context(keys.registration(accountId, course.id()), PLATFORM, language,
                parents == null ? null : new ContextActivities(parents, null));
        return new Queued(kind, new Statement(id, Agent.of(address.link("/"), keys.actorName(accountId)), kind.verb,
                object, result, context, at.truncatedTo(ChronoUnit.MILLIS).toString()));
    }

    private Activity courseActivity(Course course) {
        return Activity.of(address.link(CourseAddresses.course("{course}"), course.id()),
                new Definition(names(course, Course::title), ADL + "activities/course"));
    }

    private Optional<Activity> slide(Course course, String moduleId, String slideId) {
        return course.module(moduleId).flatMap(module -> module.slide(slideId)).map(slide -> Activity.of(
                address.link(CourseAddresses.slide("{course}", "{module}", "{slide}"), course.id(), moduleId,
                        slideId),
                new Definition(names(course, c -> inCourse(c, moduleId, slideId).map(Slide::title).orElse(slideId)),
                        slide instanceof KnowledgeCheckSlide ? ADL + "activities/assessment"
                                : "http://id.tincanapi.com/activitytype/slide")));
    }

    /** A question of a check, a choice interaction whose choices are its options, by position. */
    private Activity question(Course course, String moduleId, String slideId, String questionId) {
        Function<Course, Optional<KnowledgeCheckSlide.Question>> find = c -> inCourse(c, moduleId, slideId)
                .filter(KnowledgeCheckSlide.class::isInstance).map(KnowledgeCheckSlide.class::cast)
                .flatMap(check -> check.questions().stream().filter(q -> q.id().equals(questionId)).findFirst());
        int options = find.apply(course).map(q -> q.options().size()).orElse(0);
        List<Choice> choices = IntStream.range(0, options).mapToObj(option -> new Choice(String.valueOf(option),
                names(course, c -> find.apply(c).filter(q -> q.options().size() > option)
                        .map(q -> text(q.options().get(option).text().value())).orElse(String.valueOf(option)))))
                .toList();
        return Activity.of(
                address.link(CourseAddresses.slide("{course}", "{module}", "{slide}") + "/questions/{question}",
                        course.id(), moduleId, slideId, questionId),
                new Definition(names(course, c -> find.apply(c).map(q -> text(q.prompt().value())).orElse(questionId)),
                        ADL + "activities/cmi.interaction", "choice", choices));
    }

    private static Optional<Slide> inCourse(Course course, String moduleId, String slideId) {
        return course.module(moduleId).flatMap(module -> module.slide(slideId));
    }

    /** Chosen options by position, in the xAPI choice response form ("0[,]2"). */
    private static String response(CheckAttempt.ItemAnswer answer) {
        return answer.chosen().stream().sorted().map(String::valueOf).collect(Collectors.joining("[,]"));
    }

    private static Result scored(CheckAttempt attempt) {
        return scored(attempt, attempt.passed());
    }

    private static Result scored(CheckAttempt attempt, Boolean success) {
        int questions = attempt.answers().size();
        int correct = attempt.correctCount();
        double scaled = questions == 0 ? 0 : Math.round(10000.0 * correct / questions) / 10000.0;
        return new Result(new Score(scaled, correct, 0, questions), success, true, null);
    }

    /** A language map: the name in the course's own language and in each of its translations. */
    private static Map<String, String> names(Course course, Function<Course, String> name) {
        Map<String, String> names = new TreeMap<>();
        names.put(languageTag(course.language()), name.apply(course));
        course.translations().forEach((language, translated) -> names.put(languageTag(language), name.apply(translated)));
        return names;
    }

    /**
     * A name the platform words (a message) around something of the course: in English, Spanish and the course's
     * languages, each around the course's text in that language when it has it.
     */
    private Map<String, String> described(Course course, String key, Function<Course, String> part) {
        Map<String, String> names = new TreeMap<>();
        Stream.concat(Stream.of("en", "es"), course.languages().stream()).distinct().forEach(language -> {
            Locale locale = Locale.forLanguageTag(language);
            names.put(languageTag(language), messages.getMessage(key, new Object[] {part.apply(course.in(locale))},
                    locale));
        });
        return names;
    }

    /** Course languages are two-letter codes; English is sent as en-US, the tag xAPI examples and LRSs expect. */
    static String languageTag(String language) {
        return "en".equals(language) ? "en-US" : language;
    }

    private static String text(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]*>", "")).strip().replaceAll("\\s+", " ");
    }

    private static Map<String, String> languageMap(String... pairs) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
