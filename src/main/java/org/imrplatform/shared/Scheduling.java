package org.imrplatform.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Housekeeping runs on every node on a timer (clearing what has expired); each task is safe to run twice at once.
 * Work that must not hold a person's request up (a module's {@code @Async} listener, such as a score sent to a
 * learning system) runs on the application's task executor: the switch for both is application-wide, so it is here.
 */
@Configuration
@EnableScheduling
@EnableAsync
class Scheduling {
}
