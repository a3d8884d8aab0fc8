package org.imrplatform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person on the real server without a browser: their own cookies, forms sent with the page's CSRF token,
 * redirects not followed (so a test sees where it is sent).
 */
public final class HttpVisitor {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies;
    private final HttpClient client;

    public HttpVisitor(int port) {
        this(port, new CookieManager());
    }

    private HttpVisitor(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same person, with the same cookies, reaching another node of the application. */
    public HttpVisitor onPort(int otherPort) {
        return new HttpVisitor(otherPort, cookies);
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(address(path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Opens the page at {@code formPage}, then posts name/value pairs with its CSRF token to {@code action}. */
    public HttpResponse<String> submit(String formPage, String action, String... namesAndValues) {
        return submitWithHeaders(formPage, action, new String[0], namesAndValues);
    }

    public HttpResponse<String> submitWithHeaders(String formPage, String action, String[] headers,
            String... namesAndValues) {
        Matcher token = CSRF.matcher(get(formPage).body());
        assertThat(token.find()).as("a form on " + formPage).isTrue();
        String[] withToken = new String[namesAndValues.length + 2];
        withToken[0] = "_csrf";
        withToken[1] = token.group(1);
        System.arraycopy(namesAndValues, 0, withToken, 2, namesAndValues.length);
        return post(action, headers, withToken);
    }

    /** Posts the name/value pairs as they are (a test brings its own token, or none). */
    public HttpResponse<String> post(String action, String... namesAndValues) {
        return post(action, new String[0], namesAndValues);
    }

    private HttpResponse<String> post(String action, String[] headers, String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(encode(namesAndValues[i])).append('=')
                    .append(encode(namesAndValues[i + 1]));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(address(action)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> signIn(String email, String password) {
        return submit("/login", "/login", "username", email, "password", password);
    }

    /** Where a response sends the visitor, as a path of this site. */
    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(URI::create)
                .map(uri -> uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .orElse("(no redirect: " + response.statusCode() + ")");
    }

    private URI address(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("no answer to " + request.uri(), e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
