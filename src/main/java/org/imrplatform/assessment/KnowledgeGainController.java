package org.imrplatform.assessment;

import java.util.List;
import java.util.Map;

import org.imrplatform.course.Course;
import org.imrplatform.course.CourseCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** For administrators: what each course's cohort gained on its knowledge test, overall and question by question. */
@Controller
class KnowledgeGainController {

    private final CourseCatalog catalog;
    private final KnowledgeCheckRecords records;

    KnowledgeGainController(CourseCatalog catalog, KnowledgeCheckRecords records) {
        this.catalog = catalog;
        this.records = records;
    }

    record CourseGain(Course course, KnowledgeCheckRecords.Gain gain, Map<String, Double> before,
            Map<String, Double> after) {
    }

    @GetMapping("/admin/knowledge-gain")
    String report(Model model) {
        List<CourseGain> courses = catalog.courses().stream().filter(course -> course.knowledgeTest() != null)
                .map(course -> new CourseGain(course, records.gain(course.id()),
                        records.itemShares(course.id(), KnowledgeCheckRecords.BEFORE),
                        records.itemShares(course.id(), KnowledgeCheckRecords.AFTER)))
                .toList();
        model.addAttribute("courses", courses);
        return "assessment/knowledge-gain";
    }
}
