package org.imrplatform.lmspackages;

import java.util.List;

import org.springframework.web.util.UriUtils;

/**
 * The imsmanifest.xml of a SCORM 1.2 package: one organization with one item, launching the course's one SCO,
 * which lists every file of the package. It names the ADL schema files the package carries at its root, as SCORM
 * 1.2 packages do. No adlcp:masteryscore: an LMS would then decide passed or failed from the score alone, while
 * the course's rule asks for every knowledge check to be passed at its own mark (the package reports that itself).
 */
final class ScormManifest {

    static final String FILE = "imsmanifest.xml";
    private static final String IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    private static final String ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** The ADL SCORM 1.2 schema files shipped in every package, from src/main/resources/lmspackages/scorm12-schemas. */
    static final List<String> SCHEMAS = List.of("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd",
            "imsmd_rootv1p2p1.xsd", "ims_xml.xsd");

    private ScormManifest() {
    }

    /** {@code files} are the package's paths (the manifest's own excepted), the launch page among them. */
    static String of(PackagedCourse packaged, int version, List<String> files) {
        String courseId = packaged.course().id();
        String title = packaged.course().title();
        return PackageXml.document(xml -> {
            xml.setDefaultNamespace(IMSCP);
            xml.writeStartElement(IMSCP, "manifest");
            xml.writeDefaultNamespace(IMSCP);
            xml.writeNamespace("adlcp", ADLCP);
            xml.writeNamespace("xsi", XSI);
            // xsd:ID values: a course id may start with a digit, which an ID may not.
            xml.writeAttribute("identifier", "imr-" + courseId + "-v" + version);
            xml.writeAttribute("version", String.valueOf(version));
            xml.writeAttribute(XSI, "schemaLocation", IMSCP + " imscp_rootv1p1p2.xsd "
                    + "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
                    + ADLCP + " adlcp_rootv1p2.xsd");
            xml.writeStartElement(IMSCP, "metadata");
            PackageXml.element(xml, "schema", "ADL SCORM");
            PackageXml.element(xml, "schemaversion", "1.2");
            xml.writeEndElement();
            xml.writeStartElement(IMSCP, "organizations");
            xml.writeAttribute("default", "imr-organization");
            xml.writeStartElement(IMSCP, "organization");
            xml.writeAttribute("identifier", "imr-organization");
            PackageXml.element(xml, "title", title);
            xml.writeStartElement(IMSCP, "item");
            xml.writeAttribute("identifier", "imr-course");
            xml.writeAttribute("identifierref", "imr-sco");
            xml.writeAttribute("isvisible", "true");
            PackageXml.element(xml, "title", title);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement(IMSCP, "resources");
            xml.writeStartElement(IMSCP, "resource");
            xml.writeAttribute("identifier", "imr-sco");
            xml.writeAttribute("type", "webcontent");
            xml.writeAttribute(ADLCP, "scormtype", "sco");
            xml.writeAttribute("href", LmsPackage.LAUNCH_PAGE);
            for (String file : files) {
                xml.writeEmptyElement(IMSCP, "file");
                xml.writeAttribute("href", UriUtils.encodePath(file, "UTF-8"));
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }
}
