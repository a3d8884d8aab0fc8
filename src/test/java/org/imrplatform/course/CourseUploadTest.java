package org.imrplatform.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PackageFiles;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/** An administrator publishes new versions; a bad package never replaces a good one. */
@PlatformTest
class CourseUploadTest {


    @Autowired
    MockMvc mvc;

    /** The real administrator's session: the pages log the signed-in account's id. */
    private Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = Learners.administrator(mvc);
    }

    @Autowired
    CourseCatalog catalog;

    /** A package of the test course under its own id, so this test does not disturb others. */
    private static PackageFiles course(String id) {
        return PackageFiles.valid().edit("course.yaml", "id: test-course", "id: " + id);
    }

    /** The page the last upload led to. */
    private ResultActions landedOn;

    private ResultActions upload(PackageFiles files) throws Exception {
        return upload(files.zip());
    }

    /** Uploads as a browser does: the answer is a redirect, which it follows (see {@link #landedOn}). */
    private ResultActions upload(byte[] zip) throws Exception {
        return send(multipart("/admin/courses/upload")
                .file(new MockMultipartFile("package", "course.zip", "application/zip", zip)), admin, "en");
    }

    private ResultActions send(MockHttpServletRequestBuilder upload, Cookie session, String language)
            throws Exception {
        ResultActions posted = mvc.perform(upload.header("Accept-Language", language).with(csrf()).cookie(session));
        landedOn = followed(posted, session, language);
        return posted;
    }

    /**
     * The course list an upload leads to: every upload answers with a redirect (so reloading the page does not send
     * the file again), and what happened, or the problems, come along as flash attributes.
     */
    private ResultActions followed(ResultActions posted, Cookie session, String language) throws Exception {
        MvcResult result = posted.andExpect(redirectedUrl("/admin/courses")).andReturn();
        return mvc.perform(get("/admin/courses").flashAttrs(result.getFlashMap()).cookie(session)
                .header("Accept-Language", language)).andExpect(status().isOk());
    }

    private ResultActions refused(byte[] zip) throws Exception {
        upload(zip);
        return landedOn;
    }

    private ResultActions refused(PackageFiles files) throws Exception {
        return refused(files.zip());
    }

    @Test
    void administrationNeedsSigningIn() throws Exception {
        mvc.perform(get("/admin/courses")).andExpect(redirectedUrl("/login"));
        // Refused before the upload is read, not sent to sign in (which would mean reading it all first).
        mvc.perform(multipart("/admin/courses/upload")
                        .file(new MockMultipartFile("package", "c.zip", "application/zip", course("sneaky").zip()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/courses/sneaky")).andExpect(status().isNotFound());
    }

    @Test
    void aLearnerRoleIsNotEnough() throws Exception {
        mvc.perform(get("/admin/courses").with(user("someone").roles("LEARNER"))).andExpect(status().isForbidden());
    }

    @Test
    void theConfiguredAdministratorCanSignIn() throws Exception {
        mvc.perform(post("/login").param("username", "admin@example.org").param("password", "test-admin-password").with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").param("username", "admin@example.org").param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void newVersionReplacesTheCurrentOneAndKeepsTheLearnersPlace() throws Exception {
        upload(course("versioned")).andExpect(redirectedUrl("/admin/courses"));
        String welcome = "/courses/versioned/modules/basics/slides/welcome";
        mvc.perform(get(welcome)).andExpect(content().string(containsString("This is the <strong>welcome</strong> body")));

        upload(course("versioned").edit("basics/welcome.yaml", "This is the", "Version two says")
                .edit("basics/module.yaml", "  - reflect\n", "").remove("basics/reflect.yaml"))
                .andExpect(redirectedUrl("/admin/courses"));

        mvc.perform(get(welcome)).andExpect(content().string(allOf(
                containsString("Version two says"), containsString("Slide 2 of 7"))));
        mvc.perform(get("/courses/versioned/modules/basics/slides/reflect"))
                .andExpect(redirectedUrl("/courses/versioned/modules/basics?gone"));
        mvc.perform(get("/courses/versioned/modules/basics?gone"))
                .andExpect(content().string(containsString("no longer in this course")));
        assertThat(catalog.versions("versioned"))
                .extracting(CourseVersion::number, CourseVersion::current)
                .containsExactly(tuple(2, true),
                        tuple(1, false));

        mvc.perform(post("/admin/courses/versioned/versions/1/current").with(csrf()).cookie(admin))
                .andExpect(redirectedUrl("/admin/courses"));
        mvc.perform(get(welcome)).andExpect(content().string(containsString("This is the <strong>welcome</strong>")));
    }

    @Test
    void badPackageIsRejectedWithEveryProblemAndChangesNothing() throws Exception {
        upload(course("guarded")).andExpect(redirectedUrl("/admin/courses"));

        refused(course("guarded").edit("basics/welcome.yaml", "This is the", "Broken version says")
                .edit("basics/goodbye.yaml", "kind: closing", "kind: quiz")
                .edit("basics/story.yaml", "transcript: |\n  Unique-video-transcript text of the story.\n", ""))
                .andExpect(content().string(allOf(
                        containsString("The package was not published: 2 problems found"),
                        containsString("basics/goodbye.yaml:1"), containsString("unknown slide kind"),
                        containsString("basics/story.yaml:1"), containsString("missing required field"))));

        mvc.perform(get("/courses/guarded/modules/basics/slides/welcome"))
                .andExpect(content().string(allOf(containsString("This is the <strong>welcome</strong>"),
                        not(containsString("Broken version")))));
        assertThat(catalog.versions("guarded")).hasSize(1);
    }

    /** The page a Spanish-speaking administrator gets back, as text: the markup's escapes undone. */
    private String inSpanish(MockHttpServletRequestBuilder upload) throws Exception {
        send(upload, admin, "es-PR,es;q=0.9");
        return HtmlUtils.htmlUnescape(landedOn.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void problemsAreExplainedInTheAdministratorsLanguageWithTheirFileAndLine() throws Exception {
        String page = inSpanish(multipart("/admin/courses/upload").file(new MockMultipartFile("package", "course.zip",
                "application/zip", course("en-espanol")
                        .edit("basics/goodbye.yaml", "kind: closing", "kind: quiz")
                        .edit("basics/welcome.yaml", "title:", "titel: x\ntitle:")
                        .edit("basics/module.yaml", "  - goodbye", "  - goodbye\n  - check").zip())));

        assertThat(page).contains("El paquete no se public\u00f3: se encontraron 3 problemas")
                .containsPattern("<code>basics/goodbye\\.yaml:1</code>\\s*"
                        + "<span>el tipo de diapositiva 'quiz' no existe; use uno de estos: closing, content, ")
                .containsPattern("<code>basics/module\\.yaml:15</code>\\s*"
                        + "<span>la diapositiva 'check' aparece dos veces en la lista; ")
                // The kind of entry the field is in is itself a phrase, in Spanish too; the names stay the format's.
                .containsPattern("<code>basics/welcome\\.yaml:2</code>\\s*<span>campo desconocido 'titel' en una"
                        + " diapositiva 'content'; los campos permitidos aqu\u00ed son: audio, body, image, kind, notes,")
                .doesNotContain("unknown", "listed twice");
        assertThat(catalog.versions("en-espanol")).isEmpty();

        assertThat(inSpanish(multipart("/admin/courses/upload")))
                .containsPattern("<li>\\s*<span>no se eligi\u00f3 ning\u00fan archivo: elija el archivo .zip");
    }

    @Test
    void uploadWithoutFileOrWithAnotherKindOfFileIsExplained() throws Exception {
        send(multipart("/admin/courses/upload"), admin, "en");
        landedOn.andExpect(content().string(containsString("no file was chosen")));
        refused("just some text".getBytes())
                .andExpect(content().string(containsString("the file is not a zip archive")));
        refused(new byte[26 * 1024 * 1024])
                .andExpect(content().string(containsString("larger than the 25 MB upload limit")));
    }

    /** The course zipped with entries of {@code megabytes} MB of zeros each, which deflate to almost nothing. */
    private static byte[] withZeros(String courseId, int megabytes, String... entries) {
        byte[] zeros = new byte[1024 * 1024];
        return course(courseId).zip(out -> {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                for (int i = 0; i < megabytes; i++) {
                    out.write(zeros);
                }
                out.closeEntry();
            }
        });
    }

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void zipBombIsRefusedAndNothingIsStored() throws Exception {
        String id = uniqueId("bomb");
        refused(withZeros(id, 200, "media/zeros.bin"))
                .andExpect(content().string(allOf(containsString("The package was not published"),
                        containsString("media/zeros.bin"),
                        containsString("this file unpacks to more than 25 MB, the limit for one file"))));
        assertThat(catalog.versions(id)).isEmpty();
    }

    @Test
    void skippedEntriesCountTowardsTheLimits() throws Exception {
        String id = uniqueId("hidden-bomb");
        refused(withZeros(id, 200, "__MACOSX/zeros.bin"))
                .andExpect(content().string(allOf(containsString("__MACOSX/zeros.bin"),
                        containsString("unpacks to more than 25 MB"))));

        refused(course(id).zip(out -> {
            for (int i = 0; i <= 2_000; i++) {
                out.putNextEntry(new ZipEntry("empty-" + i + "/"));
                out.closeEntry();
            }
        }))
                .andExpect(content().string(containsString("the zip holds more than 2000 entries")));
        assertThat(catalog.versions(id)).isEmpty();
    }

    @Test
    void packageThatUnpacksTooLargeInAllIsRefused() throws Exception {
        String id = uniqueId("large");
        refused(withZeros(id, 20, "media/a.bin", "media/b.bin", "media/c.bin"))
                .andExpect(content().string(allOf(containsString("media/c.bin"),
                        containsString("the package unpacks to more than 50 MB in all"))));
        assertThat(catalog.versions(id)).isEmpty();
    }

    @Test
    void zipCutShortIsExplained() throws Exception {
        String id = uniqueId("cut-short");
        byte[] zip = course(id).zip();
        refused(Arrays.copyOf(zip, zip.length / 2))
                .andExpect(content().string(containsString("not a readable zip archive")));
        assertThat(catalog.versions(id)).isEmpty();
    }

    @Test
    void uploadingTheSameContentAgainSaysNothingChangedAndStoresNoSecondVersion() throws Exception {
        String id = uniqueId("same-again");
        refused(course(id)).andExpect(content().string(containsString("version 1 is now live")));
        refused(course(id)).andExpect(content().string(allOf(
                containsString("Nothing changed: this is the content of \u201cTest course for every slide kind\u201d"
                        + " version 1, which stays live. No new version was stored."),
                not(containsString("is now live")))));
        assertThat(catalog.versions(id)).hasSize(1);

        upload(course(id).edit("basics/welcome.yaml", "This is the", "Version two says"));
        send(multipart("/admin/courses/upload").file(new MockMultipartFile("package", "course.zip",
                "application/zip", course(id).zip())), admin, "es");
        landedOn.andExpect(content().string(containsString(
                "Este es el contenido de la versi\u00f3n 1 de")));
        assertThat(catalog.versions(id)).extracting(CourseVersion::number, CourseVersion::current)
                .containsExactly(tuple(2, false), tuple(1, true));
    }

    @Test
    void theSameUploadSentManyTimesAtOnceStoresOneVersion() throws Exception {
        String id = uniqueId("parallel");
        byte[] zip = course(id).zip();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<String> pages = new ArrayList<>();
        try {
            List<Callable<String>> uploads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // Each from its own session: two answers at once in one session clash on its stored flash
                // attributes (Spring Session inserts the attribute twice); the catalog is what is tested here.
                Cookie session = Learners.administrator(mvc);
                uploads.add(() -> followed(mvc.perform(multipart("/admin/courses/upload")
                                .file(new MockMultipartFile("package", "course.zip", "application/zip", zip))
                                .with(csrf()).cookie(session)), session, "en")
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            }
            for (Future<String> page : pool.invokeAll(uploads)) {
                pages.add(page.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(catalog.versions(id)).hasSize(1);
        assertThat(pages).filteredOn(page -> page.contains("version 1 is now live")).hasSize(1);
        assertThat(pages).filteredOn(page -> page.contains("Nothing changed")).hasSize(5);
    }

    @Test
    void anEmptyZipAndAFileThatIsNoZipAreToldApart() throws Exception {
        refused(new PackageFiles().zip()).andExpect(content().string(allOf(
                containsString("the zip holds no files: zip the course folder"), not(containsString("not a zip")))));
        refused(new PackageFiles().zip(out -> {
            out.putNextEntry(new ZipEntry("__MACOSX/._course.yaml"));
            out.closeEntry();
        })).andExpect(content().string(containsString("the zip holds no files")));
        refused("id: a course.yaml sent alone".getBytes(StandardCharsets.UTF_8)).andExpect(content().string(allOf(
                containsString("the file is not a zip archive"), not(containsString("holds no files")))));
    }

    /** Reloading the page after a refused upload shows the list again; it does not send the file a second time. */
    @Test
    void aRefusedUploadIsARedirectSoReloadingSendsNothing() throws Exception {
        String id = uniqueId("reload");
        refused(course(id).edit("basics/goodbye.yaml", "kind: closing", "kind: quiz")).andExpect(content().string(containsString("unknown slide kind")));
        mvc.perform(get("/admin/courses").cookie(admin))
                .andExpect(content().string(not(containsString("The package was not published"))));
        assertThat(catalog.versions(id)).isEmpty();
    }

    @Test
    void adminPageListsVersions() throws Exception {
        mvc.perform(get("/admin/courses").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Upload a new version"),
                        containsString("Test course for every slide kind"), containsString("Live"))));
    }
}
