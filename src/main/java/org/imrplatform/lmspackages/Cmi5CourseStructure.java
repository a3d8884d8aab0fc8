package org.imrplatform.lmspackages;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The cmi5.xml of a cmi5 package: the course with one assignable unit for the whole course. One AU, not one per
 * module, because the course's completion rule, its resume point and its score are the course's: an AU per module
 * would make the LMS keep a separate launch, session and score for each, and a learner moving on to the next module
 * would have to go back to the LMS. moveOn follows the rule: CompletedAndPassed when the knowledge checks must be
 * passed (and there are some), Completed otherwise. No masteryScore: the rule asks for each knowledge check to be
 * passed at its own mark, which no single mark on the whole score can say (with the lowest mark a learner below
 * one check's mark but above it could never be sent failed, cmi5 9.3.5); the package judges by the rule itself, or
 * by the masteryScore an LMS puts in LMS.LaunchData of its own accord (cmi5 10.2.4).
 */
final class Cmi5CourseStructure {

    static final String FILE = "cmi5.xml";
    private static final String NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

    private Cmi5CourseStructure() {
    }

    /** The course's activity id; the AU's is {@link #auId}. Both are IRIs under the platform's public address. */
    static String courseId(String publicUrl, String courseId) {
        return publicUrl + "/courses/" + courseId;
    }

    static String auId(String publicUrl, String courseId) {
        return courseId(publicUrl, courseId) + "/cmi5/au";
    }

    static String of(PackagedCourse packaged, String publicUrl) {
        var course = packaged.course();
        return PackageXml.document(xml -> {
            xml.setDefaultNamespace(NS);
            xml.writeStartElement(NS, "courseStructure");
            xml.writeDefaultNamespace(NS);
            xml.writeStartElement(NS, "course");
            xml.writeAttribute("id", courseId(publicUrl, course.id()));
            text(xml, "title", course.language(), course.title());
            text(xml, "description", course.language(), PackageXml.plain(course.description()));
            xml.writeEndElement();
            xml.writeStartElement(NS, "au");
            xml.writeAttribute("id", auId(publicUrl, course.id()));
            xml.writeAttribute("moveOn", packaged.requiresPassing() ? "CompletedAndPassed" : "Completed");
            xml.writeAttribute("launchMethod", "AnyWindow");
            text(xml, "title", course.language(), course.title());
            text(xml, "description", course.language(), PackageXml.plain(course.description()));
            PackageXml.element(xml, "url", LmsPackage.LAUNCH_PAGE);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private static void text(XMLStreamWriter xml, String name, String language, String value)
            throws XMLStreamException {
        xml.writeStartElement(NS, name);
        xml.writeStartElement(NS, "langstring");
        xml.writeAttribute("lang", language);
        xml.writeCharacters(value);
        xml.writeEndElement();
        xml.writeEndElement();
    }
}
