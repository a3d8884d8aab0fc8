package org.imrplatform.course.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Files shipped with the application as YAML, one per version: {@code <folder>/<id>/<version>.yaml} on the class
 * path (fidelity instruments, IMR Scale versions). Read at start-up by their module's reader, which records every
 * problem with its line.
 */
public final class ShippedFiles {

    private ShippedFiles() {
    }

    /**
     * What the reader made of each file; a file it returned null for (having recorded its problems) is left out.
     *
     * @param reader given the path problems name (the file's folder and name, e.g. {@code it-is/1.yaml}) and the text
     */
    public static <T> List<T> read(String folder, BiFunction<String, String, T> reader) {
        List<T> found = new ArrayList<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + folder + "/*/*.yaml")) {
                String url = file.getURL().toString();
                String path = url.substring(url.lastIndexOf('/', url.lastIndexOf('/') - 1) + 1);
                found.add(reader.apply(path, file.getContentAsString(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the files in " + folder, e);
        }
        return found.stream().filter(Objects::nonNull).toList();
    }
}
