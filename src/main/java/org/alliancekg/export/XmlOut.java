package org.alliancekg.export;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin indenting layer over the JDK's {@link XMLStreamWriter}, which escapes text and attributes but writes
 * everything on one line. Elements are either empty, hold text, or hold child elements.
 */
final class XmlOut implements AutoCloseable {

    private final XMLStreamWriter xml;
    private int depth;

    XmlOut(OutputStream out) {
        try {
            this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
        } catch (XMLStreamException e) {
            throw new ExportException("cannot start XML output", e);
        }
    }

    /** Opens an element that will hold child elements; attributes as name, value pairs (null values skipped). */
    XmlOut open(String name, String... attributes) {
        try {
            indent();
            xml.writeStartElement(name);
            attributes(attributes);
            depth++;
            return this;
        } catch (XMLStreamException e) {
            throw new ExportException("cannot write XML element " + name, e);
        }
    }

    /** Declares a namespace prefix on the element just opened. */
    XmlOut namespace(String prefix, String uri) {
        try {
            if (prefix.isEmpty()) {
                xml.writeDefaultNamespace(uri);
            } else {
                xml.writeNamespace(prefix, uri);
            }
            return this;
        } catch (XMLStreamException e) {
            throw new ExportException("cannot write XML namespace " + prefix, e);
        }
    }

    /** Adds an attribute to the element just opened. */
    XmlOut attribute(String name, String value) {
        try {
            xml.writeAttribute(name, value);
            return this;
        } catch (XMLStreamException e) {
            throw new ExportException("cannot write XML attribute " + name, e);
        }
    }

    /** Closes the innermost open element. */
    XmlOut end() {
        try {
            depth--;
            indent();
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new ExportException("cannot close XML element", e);
        }
    }

    /** An element without content. */
    XmlOut empty(String name, String... attributes) {
        try {
            indent();
            xml.writeEmptyElement(name);
            attributes(attributes);
            return this;
        } catch (XMLStreamException e) {
            throw new ExportException("cannot write XML element " + name, e);
        }
    }

    /** An element holding only text. */
    XmlOut text(String name, String text, String... attributes) {
        try {
            indent();
            xml.writeStartElement(name);
            attributes(attributes);
            xml.writeCharacters(text);
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new ExportException("cannot write XML element " + name, e);
        }
    }

    /** An XML comment on its own line. */
    XmlOut comment(String text) {
        try {
            indent();
            xml.writeComment(" " + text.replace("--", "- -") + " ");
            return this;
        } catch (XMLStreamException e) {
            throw new ExportException("cannot write XML comment", e);
        }
    }

    private void attributes(String[] attributes) throws XMLStreamException {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                xml.writeAttribute(attributes[i], attributes[i + 1]);
            }
        }
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(Math.max(depth, 0)));
    }

    @Override
    public void close() {
        try {
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new ExportException("cannot finish XML output", e);
        }
    }
}
