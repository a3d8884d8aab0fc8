package org.imrplatform.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Housekeeping runs on every node on a timer (clearing what has expired); each task is safe to run twice at once. */
@Configuration
@EnableScheduling
class Scheduling {
}
