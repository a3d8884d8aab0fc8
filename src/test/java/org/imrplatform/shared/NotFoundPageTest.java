package org.imrplatform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.imrplatform.support.HttpVisitor;
import org.imrplatform.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a visitor sees at an address that names nothing (a real server: the error page is rendered by the
 * servlet container's error dispatch, which MockMvc skips), and the site's icon.
 */
@ServerTest
class NotFoundPageTest {

    @LocalServerPort
    int port;

    @Test
    void anUnknownAddressIsAHelpfulNotFoundPageInTheVisitorsLanguage() {
        HttpVisitor visitor = new HttpVisitor(port);
        // The address a PDF reader copies when it joins "fi" into one glyph.
        HttpResponse<String> english = visitor.get("/certi%EF%AC%81cates/verify?code=AAAAA-BBBBB", "Accept", "text/html");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("<h1>Page not found</h1>",
                "The address may be mistyped, or the page may have moved.",
                "<a href=\"/\">Go to the course catalog</a>").doesNotContain("Sign in</button>");

        HttpResponse<String> spanish = new HttpVisitor(port).get("/no-such-page", "Accept", "text/html",
                "Accept-Language", "es-PR");
        assertThat(spanish.statusCode()).isEqualTo(404);
        assertThat(spanish.body()).contains("lang=\"es\"", "Ir al cat\u00e1logo de cursos");

        assertThat(new HttpVisitor(port).get("/admin/no-such-page").statusCode()).isEqualTo(302);
    }

    @Test
    void theSiteHasAnIconForVisitors() {
        HttpResponse<String> icon = new HttpVisitor(port).get("/favicon.ico");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(icon.body()).startsWith("<svg");
        assertThat(new HttpVisitor(port).get("/").body())
                .containsPattern("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"/static/favicon-[0-9a-f]+\\.svg\">");
    }
}
