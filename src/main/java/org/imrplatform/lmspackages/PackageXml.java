package org.imrplatform.lmspackages;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.imrplatform.course.Html;
import org.springframework.web.util.HtmlUtils;

/** Writes a manifest with the JDK's streaming XML writer, which escapes every text and attribute. */
final class PackageXml {

    private PackageXml() {
    }

    @FunctionalInterface
    interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    static String document(Body body) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("A package manifest could not be written", e);
        }
        return text.toString();
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** The words of course HTML without its tags, for the plain-text descriptions manifests take. */
    static String plain(Html html) {
        String words = html.value().replaceAll("(?i)</?(p|br|li|ul|ol|h[1-6]|div|blockquote|pre|table|tr|td|th)\\b[^>]*>", " ")
                .replaceAll("<[^>]*>", "");
        return HtmlUtils.htmlUnescape(words).replaceAll("\\s+", " ").strip();
    }
}
