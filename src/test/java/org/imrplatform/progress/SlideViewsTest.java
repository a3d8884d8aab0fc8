package org.imrplatform.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Views written in batches: each is committed before its caller goes on, and one bad view spoils no other. */
@PlatformTest
class SlideViewsTest {

    private static final String COURSE = "test-course";

    @Autowired
    SlideViews views;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private long learner(String name) throws Exception {
        String email = Learners.email(name);
        Learners.register(mvc, email);
        return jdbc.sql("select id from account where email_key = ?").param(email.toLowerCase(Locale.ROOT))
                .query(Long.class).single();
    }

    @Test
    void manyLearnersAtOnceAreAllSavedAndEachFirstViewIsToldOnce() throws Exception {
        List<Long> learners = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            learners.add(learner("batch" + i));
        }
        List<Callable<Boolean>> opens = new ArrayList<>();
        for (long learner : learners) {
            // Each learner opens three slides, the second one twice at the same moment (two tabs).
            for (String slide : List.of("welcome", "story", "story", "goodbye")) {
                opens.add(() -> views.record(learner, COURSE, new Place("basics", slide)));
            }
        }
        List<Boolean> first = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Boolean> open : pool.invokeAll(opens)) {
                first.add(open.get());
            }
        }
        for (int i = 0; i < learners.size(); i++) {
            List<Boolean> mine = first.subList(4 * i, 4 * i + 4);
            assertThat(mine.get(0)).isTrue();
            assertThat(mine.get(1) ^ mine.get(2)).as("one of two tabs opening the same slide is first").isTrue();
            assertThat(mine.get(3)).isTrue();
            assertThat(jdbc.sql("select count(*) from slide_view where account_id = ? and course_id = ?")
                    .params(learners.get(i), COURSE).query(Integer.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("select count(*) from course_place where account_id = ? and course_id = ?")
                    .params(learners.get(i), COURSE).query(Integer.class).single()).isEqualTo(1);
        }
        assertThat(views.record(learners.getFirst(), COURSE, new Place("basics", "welcome"))).isFalse();
    }

    @Test
    void viewsAreSavedWhileTheWriterIsStoppedAndOnceItRunsAgain() throws Exception {
        long learner = learner("stopped");
        views.stop();
        try {
            assertThat(views.record(learner, COURSE, new Place("basics", "welcome"))).isTrue();
        } finally {
            views.start();
        }
        assertThat(views.record(learner, COURSE, new Place("basics", "story"))).isTrue();
        assertThat(jdbc.sql("select count(*) from slide_view where account_id = ? and course_id = ?")
                .params(learner, COURSE).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void thePlaceIsTheLastSlideOpened() throws Exception {
        long learner = learner("place");
        for (String slide : List.of("welcome", "story", "elements")) {
            views.record(learner, COURSE, new Place("basics", slide));
        }
        assertThat(jdbc.sql("select slide_id from course_place where account_id = ? and course_id = ?")
                .params(learner, COURSE).query(String.class).single()).isEqualTo("elements");
    }

    @Test
    void aViewTheDatabaseRefusesFailsAloneWhileTheOthersInItsBatchAreSaved() throws Exception {
        List<Long> learners = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            learners.add(learner("refused" + i));
        }
        long nobody = -1;   // no such account: the foreign key refuses it
        List<Callable<Boolean>> opens = new ArrayList<>();
        learners.forEach(learner -> opens.add(() -> views.record(learner, COURSE, new Place("basics", "welcome"))));
        // In the middle, so it shares its batch with others (the first view to arrive is usually written alone).
        int refused = opens.size() / 2;
        opens.add(refused, () -> views.record(nobody, COURSE, new Place("basics", "welcome")));
        List<Future<Boolean>> answers;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            answers = pool.invokeAll(opens);
        }
        assertThatThrownBy(() -> answers.get(refused).get())
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
        for (int i = 0; i < answers.size(); i++) {
            if (i != refused) {
                assertThat(answers.get(i).get()).isTrue();
            }
        }
        for (long learner : learners) {
            assertThat(jdbc.sql("select count(*) from slide_view where account_id = ? and course_id = ?")
                    .params(learner, COURSE).query(Integer.class).single()).isEqualTo(1);
        }
    }
}
