package org.imrplatform.course;

/**
 * What a learner must do to complete a module (and, module by module, the course): view every slide, pass every
 * knowledge check at its pass mark (retries allowed), or both. Stated by each course package.
 */
public record CompletionRule(boolean viewAllSlides, boolean passKnowledgeChecks) {

    public static final CompletionRule DEFAULT = new CompletionRule(true, true);
}
