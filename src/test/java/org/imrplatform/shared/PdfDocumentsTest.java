package org.imrplatform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PrintedPdf;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** What every printed document shares: no network, no page of its own, text a search finds. */
@PlatformTest
class PdfDocumentsTest {

    @Autowired
    PdfDocuments pdfs;

    @Autowired
    ThymeleafViewResolver views;

    @Test
    void aDocumentShowsTheApplicationsOwnImagesAndLoadsNothingFromTheNetworkOrTheDisk() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String remote = "http://127.0.0.1:" + server.getAddress().getPort() + "/logo.png";
            Path file = Files.createTempFile("image", ".png");
            Files.copy(new ClassPathResource("static/pdf-test/dot.png").getInputStream(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            PrintedPdf pdf = PrintedPdf.read(pdfs.render("pdf-test/images-pdf",
                    Map.of("remote", remote, "file", file.toUri().toString()), Locale.ENGLISH));
            pdf.assertAccessible("en", "Images");
            assertThat(pdf.copied()).contains("An office's efficacy, fidelity and fluency");
            assertThat(requests).as("requests to the network").hasValue(0);
            assertThat(pdf.images()).as("images printed: the static file's only").isEqualTo(1);
            assertThat(pdf.structure()).contains("Figure");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void printedTemplatesAreNeverServedAsPages() throws Exception {
        assertThat(views.resolveViewName("certificate/certificate-pdf", Locale.ENGLISH)).isNull();
        assertThat(views.resolveViewName("outcomes/summary-pdf", Locale.ENGLISH)).isNull();
        assertThat(views.resolveViewName("pdf-layout", Locale.ENGLISH)).isNull();
        assertThat(views.resolveViewName("certificate/verify", Locale.ENGLISH)).isNotNull();
    }
}
