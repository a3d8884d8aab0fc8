package org.imrplatform.course;

/** A video, either an external address or a file in the package, always with a transcript. */
public record VideoSlide(String id, String title, Html notes, Audio audio, Html body, Video video, Html transcript)
        implements Slide {

    public static final String KIND = "video";

    /**
     * @param url      where the video plays: an external page, or the stored package file when {@code embedded}
     * @param captions a captions file or page, or null
     */
    public record Video(String url, boolean embedded, String title, String captions) {
    }

    @Override
    public String kind() {
        return KIND;
    }
}
