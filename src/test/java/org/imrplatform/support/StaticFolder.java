package org.imrplatform.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Serves the files of a folder over the JDK's HTTP server, as an LMS serves an unpacked package: the path after
 * the handler's context names the file; nothing outside the folder is ever served.
 */
public final class StaticFolder implements HttpHandler {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
            "xml", "application/xml", "vtt", "text/vtt", "mp4", "video/mp4", "json", "application/json");

    private final Path folder;

    public StaticFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String context = exchange.getHttpContext().getPath();
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring(context.length()),
                    StandardCharsets.UTF_8);
            Path file = folder.resolve(path.replaceFirst("^/+", "")).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            exchange.getResponseHeaders().set("Content-Type", type);
            // The strict policy the app's own pages have: a package page that needs inline script or style fails.
            exchange.getResponseHeaders().set("Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            + "connect-src 'self'; frame-ancestors 'self'");
            byte[] content = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        }
    }
}
