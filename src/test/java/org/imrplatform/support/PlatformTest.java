package org.imrplatform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application behind MockMvc (no server). All MockMvc test classes share this one application context and
 * the database; tests that change data use their own course ids. Tests that need a real server use
 * {@link ServerTest}: MockMvc's security helpers (csrf(), user()) reconfigure the filters of the context they run
 * in, so the two kinds must not share one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface PlatformTest {
}
