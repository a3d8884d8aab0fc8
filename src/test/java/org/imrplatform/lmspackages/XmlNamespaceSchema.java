package org.imrplatform.lmspackages;

import java.io.InputStream;
import java.io.Reader;

import javax.xml.XMLConstants;

import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * Gives the JDK's schema parser ims_xml-for-jdk.xsd where ADL's schemas import the xml namespace's schema
 * (ims_xml.xsd binds that reserved namespace as a default one, which the parser refuses); every other import is
 * read as the schemas name it.
 */
final class XmlNamespaceSchema implements LSResourceResolver {

    @Override
    public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
        if (!XMLConstants.XML_NS_URI.equals(namespace)) {
            return null;
        }
        String location = getClass().getResource("/lmspackages/ims_xml-for-jdk.xsd").toString();
        return new LSInput() {
            @Override public Reader getCharacterStream() { return null; }
            @Override public void setCharacterStream(Reader characterStream) { }
            @Override public InputStream getByteStream() { return null; }
            @Override public void setByteStream(InputStream byteStream) { }
            @Override public String getStringData() { return null; }
            @Override public void setStringData(String stringData) { }
            @Override public String getSystemId() { return location; }
            @Override public void setSystemId(String id) { }
            @Override public String getPublicId() { return null; }
            @Override public void setPublicId(String id) { }
            @Override public String getBaseURI() { return null; }
            @Override public void setBaseURI(String uri) { }
            @Override public String getEncoding() { return null; }
            @Override public void setEncoding(String encoding) { }
            @Override public boolean getCertifiedText() { return false; }
            @Override public void setCertifiedText(boolean certifiedText) { }
        };
    }
}
