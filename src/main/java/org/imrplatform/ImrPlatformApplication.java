package org.imrplatform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ImrPlatformApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImrPlatformApplication.class, args);
    }
}
