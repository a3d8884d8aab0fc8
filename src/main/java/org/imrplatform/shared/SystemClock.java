package org.imrplatform.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one source of the current time, so tests can set it instead of waiting for it. */
@Configuration
class SystemClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
