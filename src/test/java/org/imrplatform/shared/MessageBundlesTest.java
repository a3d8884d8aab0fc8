package org.imrplatform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every message a person reads exists in English and in Spanish: a key missing from either file fails here. */
class MessageBundlesTest {

    @Test
    void englishAndSpanishHaveTheSameKeys() throws IOException {
        Properties english = load("/messages.properties");
        Properties spanish = load("/messages_es.properties");
        assertThat(spanish.stringPropertyNames()).as("keys in messages_es.properties")
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            messages.load(in);
        }
        return messages;
    }
}
