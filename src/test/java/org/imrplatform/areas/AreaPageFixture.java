package org.imrplatform.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** An area page of a test's own (its own area of focus and address), and what its tests do with it. */
final class AreaPageFixture {

    private static final Pattern REVISION = Pattern.compile("name=\"revision\" value=\"(\\d+)\"");
    private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"");
    /** A figure on the area page or the dashboard: its label, then its value (a cell or a definition). */
    private static final Pattern FIGURE = Pattern.compile(
            "<(?:dt|th scope=\"row\")>([^<]+)</(?:dt|th)>\\s*<(?:dd|td class=\"bar-cell\")>(?:<span>)?([^<]+)<");

    final MockMvc mvc;
    final Cookie admin;
    final String area;
    final String slug;

    AreaPageFixture(MockMvc mvc, Cookie admin) throws Exception {
        this.mvc = mvc;
        this.admin = admin;
        long n = System.nanoTime();
        this.area = "Area fixture " + n;
        this.slug = "fixture-" + n;
        assertThat(mvc.perform(post("/admin/areas").with(csrf()).cookie(admin).param("slug", slug).param("area", area))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/admin/areas/" + slug);
    }

    /** The public page as a visitor gets it, in the language asked. */
    String visit(String language) throws Exception {
        return read(get("/areas/" + slug).param("lang", language), 200);
    }

    String read(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(request.toString()).isEqualTo(status);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    int revision() throws Exception {
        Matcher m = REVISION.matcher(read(get("/admin/areas/" + slug).cookie(admin), 200));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The edit form with these fields changed (the others as stored), sent over the given revision. */
    MockHttpServletRequestBuilder edit(int revision, Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("centerTextEn", "", "centerTextEs", "", "focusEn", "",
                "focusEs", "", "email", "", "phone", "", "website", "", "place", "", "periodFrom", "2020-01-01",
                "periodTo", ""));
        fields.putAll(changes);
        MockHttpServletRequestBuilder request = post("/admin/areas/" + slug).with(csrf()).cookie(admin)
                .param("revision", String.valueOf(revision));
        fields.forEach(request::param);
        return request;
    }

    /** Saves the fields (the others empty) and checks it was saved. */
    void save(Map<String, String> changes) throws Exception {
        Map<String, Object> flash = mvc.perform(edit(revision(), changes)).andReturn().getFlashMap();
        assertThat(flash).containsKey("saved");
    }

    /** Records an event of the area through the events page; returns its address. */
    String event(String title, String startsOn) throws Exception {
        return mvc.perform(post("/admin/events").with(csrf()).cookie(admin).param("title", title)
                        .param("kind", "WEBINAR").param("startsOn", startsOn).param("endsOn", startsOn)
                        .param("area", area).param("format", "ONLINE").param("audience", "Practitioners")
                        .param("region", "NJ"))
                .andReturn().getResponse().getRedirectedUrl();
    }

    /** Imports attendance or survey answers for the event through its preview and confirmation. */
    void upload(String event, String kind, String csv) throws Exception {
        String preview = read(multipart(event + "/" + kind + "/preview").file(new MockMultipartFile("file",
                "export.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).cookie(admin), 200);
        Matcher pending = PENDING.matcher(preview);
        assertThat(pending.find()).as("the preview offers to confirm").isTrue();
        mvc.perform(post(event + "/" + kind).with(csrf()).cookie(admin).param("pending", pending.group(1)));
    }

    /** Imports a needs assessment through its preview and confirmation. */
    void needs(String title, String conductedOn, String csv) throws Exception {
        String preview = read(multipart("/admin/needs-assessments/preview").file(new MockMultipartFile("file",
                "needs.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("title", title)
                .param("conductedOn", conductedOn).with(csrf()).cookie(admin), 200);
        Matcher pending = PENDING.matcher(preview);
        assertThat(pending.find()).as("the preview offers to confirm").isTrue();
        mvc.perform(post("/admin/needs-assessments").with(csrf()).cookie(admin).param("pending", pending.group(1)));
    }

    /** Adds a product of the area through the catalog page, from the event when one is given. */
    void product(String title, String releasedOn, String description, String eventId) throws Exception {
        MockHttpServletRequestBuilder request = post("/admin/products").with(csrf()).cookie(admin)
                .param("title", title).param("kind", "WEBINAR_RECORDING").param("area", area)
                .param("releasedOn", releasedOn).param("description", description)
                .param("link", "https://example.org/" + title.replace(' ', '-'));
        if (eventId != null) {
            request.param("eventId", eventId);
        }
        assertThat(mvc.perform(request).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/admin/products");
    }

    /** Every figure a page shows, by its label: the area page and the dashboard label them alike. */
    static Map<String, String> figures(String page) {
        Map<String, String> figures = new LinkedHashMap<>();
        Matcher m = FIGURE.matcher(page);
        while (m.find()) {
            figures.putIfAbsent(m.group(1).strip(), m.group(2).strip());
        }
        return figures;
    }
}
