package org.imrplatform.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.FlashMap;

/** What an area page's forms refuse, and what forged, replayed and unknown requests get: nothing changes. */
@PlatformTest
class AreaPageBadInputTest {

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
        fixture.save(Map.of("focusEn", "The stored text."));
    }

    private String focus() {
        return jdbc.sql("select focus_en from area_page where slug = ?").param(fixture.slug).query(String.class).single();
    }

    /** The form sent with one change; the page answers with the form again, the message shown, nothing saved. */
    private void refused(Map<String, String> change, String message) throws Exception {
        Map<String, String> changes = new java.util.HashMap<>(change);
        changes.putIfAbsent("focusEn", "Changed text.");
        String page = fixture.read(fixture.edit(fixture.revision(), changes), 200);
        assertThat(page).contains("There is a problem").contains(message);
        assertThat(focus()).isEqualTo("The stored text.");
    }

    @Test
    void badFieldsAreNamedWithHowToFixThem() throws Exception {
        refused(Map.of("focusEn", "x".repeat(12_001)), "Shorten the text about the area of focus to 12,000 characters");
        refused(Map.of("centerTextEs", "y".repeat(3_001)), "Shorten the text about the center to 3,000 characters");
        refused(Map.of("nameEs", "n".repeat(101)), "The Spanish name can be at most 100 characters: shorten it.");
        refused(Map.of("centerTextEn", "a bell \u0007 here"), "There is a problem");
        refused(Map.of("periodFrom", "2025-06-01", "periodTo", "2025-01-01"), "The period ends before it starts");
        refused(Map.of("periodFrom", "1890-01-01"), "Enter a date between 1990-01-01 and 2100-12-31");
        refused(Map.of("periodFrom", "2026-01-01", "periodTo", "9999-12-31"), "Enter a date between 1990-01-01 and 2100-12-31");
        refused(Map.of("periodFrom", ""), "Enter the first day of the period");
        refused(Map.of("email", "not an address"), "Enter an email address such as");
        refused(Map.of("phone", "<script>"), "Enter the phone number with digits");
        refused(Map.of("website", "javascript:alert(1)"), "Enter a web address starting with https://");
    }

    @Test
    void unknownAreasAreNotFound() throws Exception {
        fixture.read(get("/areas/no-such-area"), 404);
        fixture.read(get("/areas/no-such-area/summary.pdf"), 404);
        fixture.read(get("/areas/Not_A_Slug"), 404);
        fixture.read(get("/areas/" + "a".repeat(200)), 404);
        fixture.read(get("/admin/areas/no-such-area").cookie(admin), 404);
        fixture.read(post("/admin/areas/no-such-area").with(csrf()).cookie(admin).param("revision", "0")
                .param("periodFrom", "2020-01-01"), 404);
    }

    @Test
    void aReplayedOrStaleFormChangesNothing() throws Exception {
        int revision = fixture.revision();
        Map<String, Object> first = mvc.perform(fixture.edit(revision, Map.of("focusEn", "First tab's text.")))
                .andReturn().getFlashMap();
        assertThat(first).containsKey("saved");
        // The same form again (replayed), and the second tab's form made from the same revision: both refused.
        Map<String, Object> replay = mvc.perform(fixture.edit(revision, Map.of("focusEn", "First tab's text.")))
                .andReturn().getFlashMap();
        FlashMap stale = mvc.perform(fixture.edit(revision, Map.of("focusEn", "Second tab's text.")))
                .andReturn().getFlashMap();
        assertThat(replay).containsKey("stale");
        assertThat((Map<String, Object>) stale).containsKey("stale");
        assertThat(focus()).isEqualTo("First tab's text.");
        assertThat(fixture.read(get("/admin/areas/" + fixture.slug).cookie(admin).flashAttrs(stale), 200))
                .contains("Nothing was saved: this page was changed after you opened the form")
                .contains("First tab&#39;s text.");
        assertThat(revision + 1).isEqualTo(fixture.revision());
    }

    @Test
    void onlyAdministratorsChangeAPageAndNeverWithoutTheFormsToken() throws Exception {
        int revision = fixture.revision();
        var forged = fixture.edit(revision, Map.of("focusEn", "Forged.")).with(csrf().useInvalidToken());
        fixture.read(forged, 403);
        Cookie learner = Learners.register(mvc, Learners.email("al" + System.nanoTime()));
        fixture.read(post("/admin/areas/" + fixture.slug).with(csrf()).cookie(learner)
                .param("revision", String.valueOf(revision)).param("focusEn", "By a learner.")
                .param("periodFrom", "2020-01-01"), 403);
        fixture.read(post("/admin/areas/" + fixture.slug).with(csrf()).param("revision", String.valueOf(revision))
                .param("focusEn", "By a visitor.").param("periodFrom", "2020-01-01"), 302);
        assertThat(focus()).isEqualTo("The stored text.");
    }

    @Test
    void aNewPageNeedsAnAddressOfItsOwn() throws Exception {
        assertThat(fixture.read(post("/admin/areas").with(csrf()).cookie(admin).param("slug", "Bad Slug!")
                .param("area", "Another area " + fixture.slug), 200)).contains("Enter the address with lower-case letters");
        assertThat(fixture.read(post("/admin/areas").with(csrf()).cookie(admin).param("slug", fixture.slug)
                .param("area", "Another area " + fixture.slug), 200)).contains("This address or this area of focus already");
        assertThat(fixture.read(post("/admin/areas").with(csrf()).cookie(admin).param("slug", "other-" + fixture.slug)
                .param("area", fixture.area.toUpperCase()), 200)).contains("This address or this area of focus already");
        assertThat(fixture.read(post("/admin/areas").with(csrf()).cookie(admin).param("slug", "x".repeat(41))
                .param("area", "Long " + fixture.slug), 200)).contains("up to 40 characters");
    }

    @Test
    void aProductsEventMustBeOfItsArea() throws Exception {
        String other = fixture.event("Event of " + fixture.slug, "2024-02-02");
        String id = other.substring(other.lastIndexOf('/') + 1);
        assertThat(fixture.read(post("/admin/products").with(csrf()).cookie(admin).param("title", "Sheet " + fixture.slug)
                .param("kind", "FACT_SHEET").param("area", "Some other area").param("releasedOn", "2024-03-01")
                .param("eventId", id).param("link", "javascript:alert(1)"), 200))
                .contains("Choose an event of the product&#39;s area of focus, or none")
                .contains("Enter a web address starting with https:// or http://");
        assertThat(jdbc.sql("select count(*) from product where title = ?").param("Sheet " + fixture.slug)
                .query(Long.class).single()).isZero();
    }
}
