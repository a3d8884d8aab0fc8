package org.imrplatform.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PrintedPdf;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What a careless or hostile administrator's input, or two administrators at once, must not do to a public page. */
@PlatformTest
class AreaPageHostileInputTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private Cookie admin;
    private AreaPageFixture fixture;

    @BeforeEach
    void aPageOfItsOwn() throws Exception {
        admin = Learners.administrator(mvc);
        fixture = new AreaPageFixture(mvc, admin);
    }

    @Test
    void aProductNotYetReleasedStaysOffThePageWhenThePeriodEndsInTheFuture() throws Exception {
        fixture.product("Draft sheet " + fixture.slug, "2099-06-01", "Not out yet.", null);
        fixture.save(Map.of("periodFrom", "2020-01-01", "periodTo", "2100-12-31"));
        String page = fixture.visit("en");
        assertThat(page).doesNotContain("Draft sheet " + fixture.slug).doesNotContain("Not out yet.");
        assertThat(AreaPageFixture.figures(page)).containsEntry("Products", "0");
    }

    @Test
    void markdownLinksAndImagesCannotLeaveTheSiteOrRunCode() throws Exception {
        fixture.save(Map.of("focusEn", "A [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==),"
                + " a ![tracking pixel](https://tracker.example/p.png) and ![inline](data:image/svg+xml,<svg/>),"
                + " a [call](tel:+17875550100) and a [site](https://example.org/imr)."));
        String page = fixture.visit("en");
        assertThat(page).doesNotContain("data:text").doesNotContain("tracker.example").doesNotContain("<img")
                .contains("tracking pixel").contains("inline")
                .contains("href=\"tel:+17875550100\"").contains("href=\"https://example.org/imr\"");
    }

    @Test
    void anEmailAddressCannotCarryMoreRecipientsOrHeaders() throws Exception {
        for (String email : List.of("center@example.org?cc=other%40evil.example", "center@example.org&body=hi",
                "a,b@example.org", "center@example.org\u200b")) {
            String page = fixture.read(fixture.edit(fixture.revision(), Map.of("email", email)), 200);
            assertThat(page).as(email).contains("Enter an email address such as");
        }
        fixture.save(Map.of("email", "imr.center+info@example.org"));
        assertThat(fixture.visit("en")).contains("href=\"mailto:imr.center+info@example.org\"");
    }

    @Test
    void twoAdministratorsAddingTheSameAddressAtOnceGetOnePageAndAMessage() throws Exception {
        String slug = "race-" + System.nanoTime();
        List<Integer> statuses = addAtOnce(i -> slug, i -> "Race area " + i + " " + slug);
        assertThat(statuses).containsOnly(302, 200).containsOnlyOnce(302);
        assertThat(jdbc.sql("select count(*) from area_page where slug = ?").param(slug).query(Long.class).single())
                .isOne();
    }

    @Test
    void theSameAreaSpelledInAnotherCaseAtOnceGetsOnePage() throws Exception {
        String area = "Case race " + System.nanoTime();
        List<Integer> statuses = addAtOnce(i -> "case-race-" + i + "-" + System.nanoTime(),
                i -> i % 2 == 0 ? area.toUpperCase(Locale.ROOT) : area.toLowerCase(Locale.ROOT));
        assertThat(statuses).containsOnly(302, 200).containsOnlyOnce(302);
        assertThat(jdbc.sql("select count(*) from area_page where lower(area) = ?")
                .param(area.toLowerCase(Locale.ROOT)).query(Long.class).single()).isOne();
    }

    /** Six administrators' forms adding a page, sent at the same moment; the answers' statuses. */
    private List<Integer> addAtOnce(IntFunction<String> slug, IntFunction<String> area) throws Exception {
        int parallel = 6;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            String s = slug.apply(i);
            String a = area.apply(i);
            Callable<Integer> add = () -> {
                start.await();
                return mvc.perform(post("/admin/areas").with(csrf()).cookie(admin).param("slug", s)
                        .param("area", a)).andReturn().getResponse().getStatus();
            };
            answers.add(pool.submit(add));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        return statuses;
    }

    @Test
    void theWorstContentStillPrintsOnOnePage() throws Exception {
        for (int i = 0; i < 8; i++) {
            fixture.product(i + "W".repeat(250), "2024-01-0" + (i + 1), "D".repeat(2000), null);
        }
        fixture.save(Map.of("periodFrom", "2020-01-01", "centerTextEn", "C".repeat(3000),
                "focusEn", ("F".repeat(5000) + " \u202e\u05e9\u05dc\u05d5\u05dd ").repeat(2),
                "email", "a".repeat(60) + "@" + "b".repeat(60) + ".org", "phone", "+1 (555) 010-0000 / 0101 / 0102",
                "website", "https://example.org/" + "w".repeat(470), "place", "P".repeat(300)));
        byte[] bytes = mvc.perform(get("/areas/" + fixture.slug + "/summary.pdf")).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(PrintedPdf.read(bytes).pages()).isEqualTo(1);
    }
}
