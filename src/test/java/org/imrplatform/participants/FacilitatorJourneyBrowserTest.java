package org.imrplatform.participants;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.imrplatform.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A facilitator's journey on a 360 px phone with JavaScript switched off, by links and forms only: from the header's
 * Practice face to a new participant, their recovery goal, three sessions each followed by a goal follow-up, a
 * relapse prevention plan, two IMR Scale self-ratings three months apart, and their whole picture showing the
 * group's outcomes. Axe needs JavaScript, so each page the facilitator reaches is opened again, in the same
 * session, in a phone with JavaScript on, and scanned there. Neither phone scrolls sideways, and no text but a
 * table's cells (which scroll inside their region) is cut at the phone's edge.
 */
class FacilitatorJourneyBrowserTest extends BrowserTest {

    private static final String PASSWORD = "a facilitator's long passphrase";
    private static final int PHONE_WIDTH = 360;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private BrowserContext scanner;
    private Page scanned;

    @Test
    void fromANewParticipantToTheWholePictureWithoutJavaScript() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Journey setUp = siteWithAFacilitator(run);
        String code = "P-" + run;
        BrowserContext phone = phone(false);
        page = phone.newPage();

        page.navigate(url("/login"));
        page.getByLabel("Email").fill(setUp.email());
        page.getByLabel("Password").fill(PASSWORD);
        click(AriaRole.BUTTON, "Sign in");
        scanner = phone(true);
        scanner.addCookies(phone.cookies());
        scanned = scanner.newPage();

        openPracticeFace();
        click(AriaRole.LINK, "IMR groups");
        assertThat(heading()).hasText("IMR groups");
        assertThat(page.locator("main")).not().containsText(setUp.otherGroup());
        seen();
        click(AriaRole.LINK, setUp.groupLabel());
        assertThat(heading()).hasText("Participants of " + setUp.group());
        assertThat(page.locator("main")).containsText("Nobody takes part in this group yet.");
        seen();

        field("Code").fill(code);
        field("Consent to take part given on").fill("2025-01-06");
        field("Joined on").fill("2025-01-06");
        click(AriaRole.BUTTON, "Add the participant");
        assertThat(heading()).hasText("Participant " + code);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Participant added.");
        seen();

        click(AriaRole.LINK, "Recovery goal and goal tracking sheet");
        assertThat(heading()).hasText("Goal tracking sheet: " + code);
        assertThat(page.locator("main")).containsText("No recovery goal is written yet.");
        seen();
        field("The goal, in the participant's own words").fill("Find a part-time job");
        field("Life area it touches").selectOption(new SelectOption().setLabel("Work or school"));
        field("Set on").fill("2025-01-06");
        click(AriaRole.BUTTON, "Set the goal");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved: the recovery goal is on the sheet.");
        seen();
        field("Short-term goal").fill("Write a CV");
        field("To reach by").fill("2025-04-01");
        click(AriaRole.BUTTON, "Add the short-term goal");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved: the short-term goal is on the sheet.");
        seen();
        field("Toward the short-term goal").selectOption(new SelectOption().setLabel("Write a CV"));
        field("Step").fill("List the jobs I have had");
        click(AriaRole.BUTTON, "Add the step");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved: the step is on the sheet.");
        assertThat(row("List the jobs I have had")).containsText("Not followed up yet");
        seen();

        session(setUp, code, "2025-01-13", "1. Recovery Strategies", "What recovery means", 1);
        followUp(code, "2025-01-13", "Not yet", "", "Busy week");
        session(setUp, code, "2025-01-20", "2. Practical Facts about Mental Illness", "Diagnosis and symptoms", 2);
        followUp(code, "2025-01-20", "Partly done", "", "Two jobs listed");
        session(setUp, code, "2025-01-27", "3. The Stress-Vulnerability Model and Strategies for Treatment",
                "How stress brings on symptoms", 3);
        followUp(code, "2025-01-27", "Done", "Ask a friend to read the CV", "");
        assertThat(row("List the jobs I have had")).containsText("Done on 2025-01-27");
        assertThat(row("Ask a friend to read the CV")).containsText("Not followed up yet");
        assertThat(row("2025-01-20")).containsText("Partly done");
        assertThat(field("Step followed up").locator("option[selected]")).hasText("Ask a friend to read the CV");

        click(AriaRole.LINK, "Back to participant " + code);
        click(AriaRole.LINK, "Relapse prevention plan");
        assertThat(heading()).hasText("Relapse prevention plan of " + code);
        assertThat(page.locator("main")).containsText("No plan has been written with this participant yet.");
        seen();
        field("My early warning signs").fill("Sleeping less\nStaying in my room");
        field("What I will do when I notice a warning sign").fill("Call my sister");
        field("Who will help me, and how to reach them (optional)").fill("My sister, by phone");
        field("Day to review the plan").fill(LocalDate.now(ZoneOffset.UTC).plusMonths(2).toString());
        click(AriaRole.BUTTON, "Save the plan");
        assertThat(page.getByRole(AriaRole.STATUS))
                .hasText("Saved as version 1. The earlier versions stay as they were.");
        assertThat(page.locator("main")).containsText("Staying in my room");
        seen();

        click(AriaRole.LINK, "Back to participant " + code);
        click(AriaRole.LINK, "IMR Scale ratings");
        assertThat(heading()).hasText("IMR Scale: participant " + code);
        assertThat(page.locator("main")).containsText("No rating recorded yet.");
        seen();
        selfRating("2025-01-13", 3);
        selfRating("2025-04-14", 4);
        Locator means = page.getByRole(AriaRole.TABLE).first();
        assertThat(row(means, "2025-01-13")).containsText("3.00");
        assertThat(row(means, "2025-04-14")).containsText("4.00");

        openPracticeFace();
        click(AriaRole.LINK, "My whole picture");
        assertThat(heading()).hasText(setUp.name() + ": the whole picture");
        Locator outcomes = page.getByRole(AriaRole.TABLE,
                new Page.GetByRoleOptions().setName("Each group's participants today: figures that identify nobody"));
        assertThat(outcomes.getByRole(AriaRole.ROW)).hasCount(2);
        assertThat(outcomes.getByRole(AriaRole.ROW).last().getByRole(AriaRole.CELL)).containsText(new String[] {
                "1 (1)", "1 (100%)", "1 (100%)", "1", "+1.00 (1 rated twice or more)",
                "Not yet: nobody rated twice"});
        assertThat(outcomes).containsText(setUp.group());
        assertThat(outcomes).not().containsText(setUp.otherGroup());
        seen();
        scanner.close();
        phone.close();
    }

    /**
     * From the participant's goal sheet to the group's page, and a session recorded there with them attending. The
     * pages on the way are scanned the first time; later they differ only by the session recorded just before.
     */
    private void session(Journey setUp, String code, String day, String module, String topic, int held) {
        boolean first = held == 1;
        click(AriaRole.LINK, "Back to participant " + code);
        click(AriaRole.LINK, "Back to " + setUp.group());
        assertThat(row(code).getByRole(AriaRole.CELL)).containsText(new String[] {"2025-01-06", "Taking part"});
        seen(first);
        click(AriaRole.LINK, "Sessions and attendance of the group");
        assertThat(heading()).hasText(setUp.group() + ": sessions and attendance");
        assertThat(page.locator("main")).containsText((held - 1) + " of the 11 IMR modules covered so far.");
        seen(first);
        click(AriaRole.LINK, "Record a session");
        assertThat(heading()).hasText("Record a session of " + setUp.group());
        seen(first);
        field("Day of the session").fill(day);
        field("Length in minutes (15 to 240)").fill("90");
        field("IMR module").selectOption(new SelectOption().setLabel(module));
        field("Topic").fill(topic);
        field("Review of the last session").check();
        field("Follow-up on goals").check();
        field("New material").check();
        field(code + ", joined 2025-01-06").check();
        click(AriaRole.BUTTON, "Record the session");
        assertThat(page.getByRole(AriaRole.STATUS))
                .hasText("Session recorded. It now counts in the group's attendance and curriculum.");
        assertThat(page.locator("main")).containsText(held + " of the 11 IMR modules covered so far.");
        assertThat(row(day)).containsText(topic);
        // each session lasted an hour and a half, and the participant attended every one
        assertThat(row(code).getByRole(AriaRole.CELL))
                .containsText(new String[] {"Taking part", String.valueOf(held), String.valueOf(held * 1.5)});
        seen();
    }

    /** From the group's attendance to the participant's goal sheet, and the follow-up of that session's day. */
    private void followUp(String code, String day, String progress, String nextStep, String note) {
        click(AriaRole.LINK, code);
        click(AriaRole.LINK, "Recovery goal and goal tracking sheet");
        assertThat(field("Step followed up").locator("option[selected]")).hasText("List the jobs I have had");
        field("Day of the follow-up").fill(day);
        field("What happened").selectOption(new SelectOption().setLabel(progress));
        field("Note (optional)").fill(note);
        field("Next step (optional)").fill(nextStep);
        click(AriaRole.BUTTON, "Record the follow-up");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved: the follow-up is in the history below.");
        assertThat(row(day)).containsText(progress);
        seen();
    }

    /** A client self-rating with every item scored the same, so its mean is that score. */
    private void selfRating(String day, int score) {
        field("Day of the rating").fill(day);
        int items = page.locator("fieldset.rating").count();
        assertThat(items).isEqualTo(15);
        for (int item = 1; item <= items; item++) {
            page.locator("#answer-" + item + "-" + score).check();
        }
        click(AriaRole.BUTTON, "Record the client self-rating");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Rating recorded.");
        seen();
    }

    /** On a phone the header folds its faces into a menu, opened by a tap like a person would. */
    private void openPracticeFace() {
        page.locator("summary").click();
        click(AriaRole.LINK, "Practice");
        assertThat(heading()).hasText("Practice");
        seen();
    }

    /**
     * The page the facilitator is on, checked: it fits the phone without JavaScript, and the same address opened
     * with JavaScript, in the same session, fits too and passes axe.
     */
    private void seen() {
        seen(true);
    }

    private void seen(boolean scan) {
        assertFits(page);
        if (scan) {
            scanned.navigate(page.url());
            assertThat(scanned.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText(heading().textContent());
            assertAccessible(scanned);
            assertFits(scanned);
        }
    }

    /**
     * Nothing makes the phone scroll sideways, and no text is cut at its edge: only a table's cells may reach past
     * it, inside the table's own scrolling region.
     */
    private static void assertFits(Page on) {
        assertThat(((Number) on.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .as("%s is no wider than the phone", on.url()).isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(on.evaluate("""
                () => [...document.querySelectorAll('main *')]
                    .filter(e => !e.closest('td, th'))
                    .filter(e => [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
                    .filter(e => {
                      const text = document.createRange();
                      text.selectNodeContents(e);
                      const box = text.getBoundingClientRect();
                      return box.left < 0 || box.right > window.innerWidth;
                    })
                    .map(e => e.tagName + ': ' + e.textContent.trim())
                """)).as("text cut at the phone's edge on %s", on.url()).asList().isEmpty();
    }

    private BrowserContext phone(boolean javaScript) {
        return newContext(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, 740).setIsMobile(true)
                .setHasTouch(true).setJavaScriptEnabled(javaScript));
    }

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private Locator heading() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    /** The row of a table on the page, or of {@code within}, whose header cell reads exactly {@code header}. */
    private Locator row(String header) {
        return row(page.locator("main"), header);
    }

    private Locator row(Locator within, String header) {
        return within.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(page.getByRole(
                AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(header).setExact(true))));
    }

    /** What the journey starts from: a site, its program with two groups, and a facilitator who leads one. */
    private record Journey(String email, String name, String group, String groupLabel, String otherGroup) {
    }

    private Journey siteWithAFacilitator(String run) {
        long site = insert("insert into site (name, created_at) values (?, current_timestamp)", "Site " + run);
        long program = insert("insert into imr_program (site_id, name, created_at) values (?, ?, current_timestamp)",
                site, "IMR " + run);
        long group = insert("insert into imr_group (program_id, name, created_at) values (?, ?, current_timestamp)",
                program, "Monday " + run);
        insert("insert into imr_group (program_id, name, created_at) values (?, ?, current_timestamp)", program,
                "Thursday " + run);
        String email = "journey-" + run + "@example.org";
        String name = "Ana " + run;
        long facilitator = insert("""
                        insert into account (email, email_key, password_hash, full_name, discipline, organization,
                                             region, enabled, created_at)
                        values (?, ?, ?, ?, 'COUNSELOR', 'Test Org', 'NJ', true, current_timestamp)
                        """, email, email, passwords.encode(PASSWORD), name);
        jdbc.sql("insert into account_role (account_id, role) values (?, 'FACILITATOR')").param(facilitator).update();
        jdbc.sql("insert into group_facilitator (group_id, account_id) values (?, ?)").params(group, facilitator)
                .update();
        return new Journey(email, name, "Monday " + run, "Site " + run + " · IMR " + run + " · Monday " + run,
                "Thursday " + run);
    }

    private long insert(String sql, Object... params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKey().longValue();
    }
}
