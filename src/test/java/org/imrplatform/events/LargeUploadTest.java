package org.imrplatform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imrplatform.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A 50 MB export sent to the real server as a browser sends it: the administrator gets the page that explains the
 * limit, nothing is saved, and other people's pages are answered while the upload is still arriving.
 */
@ServerTest
class LargeUploadTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int MEGABYTE = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFiftyMegabyteExportIsRefusedWithAReasonWhileTheAppKeepsAnswering() throws Exception {
        HttpClient admin = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        send(admin, form("/login", csrf(admin, "/login"), "username=admin%40example.org&password=test-admin-password"));
        HttpResponse<String> created = send(admin, form("/admin/events", csrf(admin, "/admin/events"),
                "title=Big+file+webinar&kind=WEBINAR&startsOn=2026-06-01&endsOn=2026-06-01&area=IMR&format=ONLINE"
                        + "&audience=All&region=NY"));
        String event = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(event.substring(event.lastIndexOf('/') + 1));

        String boundary = "----imr-large-upload";
        byte[] body = multipart(boundary, csrf(admin, event), 50 * MEGABYTE);
        AtomicReference<HttpResponse<String>> meanwhile = new AtomicReference<>();
        // Once the first megabyte is on its way, someone else asks for the catalog before the rest is sent.
        ByteArrayInputStream upload = new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                if (pos >= MEGABYTE && meanwhile.get() == null) {
                    meanwhile.set(send(HttpClient.newHttpClient(), get("/")));
                }
                return super.read(buffer, offset, length);
            }
        };
        HttpResponse<String> response = send(admin, HttpRequest.newBuilder(address(event + "/attendance/preview"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> upload)).build());

        assertThat(meanwhile.get().statusCode()).isEqualTo(200);
        assertThat(meanwhile.get().body()).contains("Illness Management and Recovery");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("The file is larger than 2 MB").contains("split it")
                .contains("Nothing was saved.");
        assertThat(jdbc.sql("select count(*) from event_attendance where event_id = ?").param(id)
                .query(Integer.class).single()).isZero();
    }

    /** A registration export of the given size, as a browser posts it from the import form: token first, then file. */
    private static byte[] multipart(String boundary, String csrf, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nname,email,discipline,organization,state\r\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] row = "Pat Example,pat@example.org,nurse,Clinic,NJ\r\n".getBytes(StandardCharsets.UTF_8);
        while (out.size() < size) {
            out.writeBytes(row);
        }
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private String csrf(HttpClient client, String path) {
        Matcher matcher = CSRF.matcher(send(client, get(path)).body());
        assertThat(matcher.find()).as("a form on " + path).isTrue();
        return matcher.group(1);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(address(path)).timeout(Duration.ofSeconds(30)).build();
    }

    private HttpRequest form(String path, String csrf, String fields) {
        return HttpRequest.newBuilder(address(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&" + fields)).build();
    }

    private URI address(String path) {
        return URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("no answer to " + request.uri(), e);
        }
    }
}
