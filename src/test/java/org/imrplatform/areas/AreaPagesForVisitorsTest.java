package org.imrplatform.areas;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.imrplatform.shared.VisitorPageCache;
import org.imrplatform.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On the real server, visitors get an area's page from the shared visitors' cache (one copy per language), and the
 * next visit after a change shows the change: the copies are kept by the areas' generation.
 */
@ServerTest
class AreaPagesForVisitorsTest {

    @LocalServerPort
    int port;

    @Autowired
    VisitorPageCache cache;

    @Autowired
    AreaPages pages;

    private final HttpClient http = HttpClient.newHttpClient();

    private String visit(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).as("nothing of one visitor's").isEmpty();
        return response.body();
    }

    private void describe(String slug, String english, String spanish) {
        AreaPage page = pages.find(slug).orElseThrow();
        assertThat(pages.save(slug, new AreaPageForm("", "", "", english, spanish, "", "", "", "", page.periodFrom(),
                null, page.revision()))).isTrue();
    }

    @Test
    void visitorsGetOneCopyPerLanguageUntilThePageChanges() throws Exception {
        String slug = "cached-" + System.nanoTime();
        String path = "/areas/" + slug;
        pages.add(slug, "Cached area " + slug);
        describe(slug, "First words.", "Primeras palabras.");

        assertThat(visit(path)).contains("First words.").doesNotContain("Primeras");
        assertThat(visit(path)).contains("First words.");
        assertThat(visit(path, "Cookie", VisitorPageCache.LANGUAGE_COOKIE + "=es")).contains("Primeras palabras.")
                .doesNotContain("First words.");
        assertThat(cache.copiesOf(path)).isEqualTo(2);

        describe(slug, "Second words.", "Segundas palabras.");
        assertThat(visit(path)).contains("Second words.").doesNotContain("First words.");
        assertThat(visit(path, "Cookie", VisitorPageCache.LANGUAGE_COOKIE + "=es")).contains("Segundas palabras.");
        assertThat(cache.copiesOf(path)).as("the old copies were replaced, not kept beside the new ones").isEqualTo(2);
        for (int change = 0; change < 5; change++) {
            describe(slug, "Words " + change + ".", "");
            assertThat(visit(path)).contains("Words " + change + ".");
        }
        assertThat(cache.copiesOf(path)).isEqualTo(2);
        assertThat(visit("/areas")).contains("Cached area " + slug);
    }

    @Test
    void anUnknownAreaIsNotKept() throws Exception {
        String path = "/areas/no-such-area-" + System.nanoTime();
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(cache.copiesOf(path)).isZero();
    }
}
