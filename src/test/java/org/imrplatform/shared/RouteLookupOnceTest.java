package org.imrplatform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;

import org.imrplatform.support.HttpVisitor;
import org.imrplatform.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A request is matched to its controller once, by the DispatcherServlet, and the security rules that now match by
 * path pattern still decide as before. A first handler mapping that never answers counts how often each request is
 * looked up.
 */
@ServerTest
class RouteLookupOnceTest {

    @LocalServerPort
    int port;

    @Autowired
    LookupCount lookups;

    @Test
    void aPageIsMatchedToItsControllerOnce() {
        String probe = UUID.randomUUID().toString();
        var page = new HttpVisitor(port).get("/certificates/verify?probe=" + probe);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(lookups.of(probe)).isEqualTo(1);

        String signIn = UUID.randomUUID().toString();
        var protectedPage = new HttpVisitor(port).get("/my-learning?probe=" + signIn);
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertThat(protectedPage.headers().firstValue("Location")).hasValue("/login");
        assertThat(lookups.of(signIn)).as("refused before any controller is looked up").isZero();
    }

    @TestConfiguration
    static class Counting {
        @Bean
        LookupCount lookupCount() {
            return new LookupCount();
        }
    }

    static class LookupCount implements HandlerMapping, Ordered {

        private final Map<String, AtomicInteger> byProbe = new ConcurrentHashMap<>();

        @Override
        public HandlerExecutionChain getHandler(HttpServletRequest request) {
            String probe = request.getParameter("probe");
            if (probe != null) {
                byProbe.computeIfAbsent(probe, p -> new AtomicInteger()).incrementAndGet();
            }
            return null;
        }

        int of(String probe) {
            AtomicInteger count = byProbe.get(probe);
            return count == null ? 0 : count.get();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
