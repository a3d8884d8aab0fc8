package org.imrplatform.course;

/**
 * One page of a module. Every kind has a title and narration notes (the slide's transcript); the kind decides the
 * rest. {@link #kind()} is the name used in the package file and picks the template that renders it.
 */
public sealed interface Slide permits ContentSlide, TabsSlide, ReflectionSlide, VideoSlide, KnowledgeCheckSlide,
        ObjectivesSlide, ResourcesSlide, ClosingSlide {

    String id();

    String title();

    Html notes();

    /** The slide's narration, or null: the notes are always there, so a slide is complete without it. */
    Audio audio();

    String kind();
}
