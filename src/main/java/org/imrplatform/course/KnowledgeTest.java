package org.imrplatform.course;

import java.util.List;

/**
 * The same questions asked before a learner starts the course and again after they complete it, to measure what
 * they gained. Optional: stated in course.yaml as {@code knowledge-test: <file>}.
 */
public record KnowledgeTest(String title, Html intro, List<KnowledgeCheckSlide.Question> questions) {
}
