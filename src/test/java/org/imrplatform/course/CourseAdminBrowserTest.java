package org.imrplatform.course;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.imrplatform.support.BrowserTest;
import org.imrplatform.support.PackageFiles;
import org.junit.jupiter.api.Test;

/** An administrator signs in and uploads course packages through the web page, as a person would. */
class CourseAdminBrowserTest extends BrowserTest {

    private void signIn() {
        signInAsAdministrator("/admin/courses");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Course packages")))
                .isVisible();
    }

    private void upload(byte[] zip) {
        page.getByLabel("Course package (.zip)").setInputFiles(new FilePayload("course.zip", "application/zip", zip));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and publish")).click();
    }

    @Test
    void uploadsAVersionAndSeesEveryProblemOfABadOne() {
        signIn();
        assertAccessible(page);

        // Its own id, so a second run of the suite on the same database uploads new content again.
        String id = "browser-upload-" + UUID.randomUUID().toString().substring(0, 8);
        upload(PackageFiles.valid().edit("course.yaml", "id: test-course", "id: " + id)
                .edit("course.yaml", "title: Test course for every slide kind", "title: Uploaded in a browser").zip());
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("“Uploaded in a browser” version 1 is now live.");
        assertAccessible(page);

        upload(PackageFiles.valid().edit("course.yaml", "id: test-course", "id: " + id)
                .edit("basics/welcome.yaml", "  alt: A wheel with eight parts\n", "")
                .edit("basics/goodbye.yaml", "kind: closing", "kind: finale").zip());
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("2 problems found");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("basics/welcome.yaml:7");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("unknown slide kind 'finale'");
        assertAccessible(page);
        // The refusal was a redirect: reloading shows the list again and sends nothing.
        page.reload();
        assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);

        page.navigate(url("/courses/" + id));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Uploaded in a browser");
    }
}
