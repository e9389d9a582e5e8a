package io.github.statestore.bench.memorys3;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** S3's XML: escaping, timestamps, error bodies and the DeleteObjects request. Stateless and thread-safe. */
final class Xml {
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final XMLInputFactory INPUT = XMLInputFactory.newFactory();

    static {
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private Xml() {
    }

    /** {@return text with XML's special characters escaped} */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@return an instant as S3's listings write it: {@code 2026-01-02T03:04:05.000Z}} */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** {@return S3's error document} */
    static String error(S3Error e, String resource, String requestId) {
        return DECLARATION + "<Error><Code>" + escape(e.code()) + "</Code><Message>" + escape(e.getMessage())
                + "</Message><Resource>" + escape(resource) + "</Resource><RequestId>" + requestId
                + "</RequestId></Error>";
    }

    /**
     * The DeleteObjects request body.
     *
     * @param keys the {@code <Object><Key>} values, in order
     * @param quiet whether {@code <Quiet>true</Quiet>} asks for errors only
     */
    record DeleteRequest(List<String> keys, boolean quiet) {
    }

    /** {@return the keys and quiet flag of a DeleteObjects body} Versions are not supported. */
    static DeleteRequest deleteRequest(byte[] body) {
        List<String> keys = new ArrayList<>();
        boolean quiet = false;
        try {
            XMLStreamReader r = INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
            List<String> path = new ArrayList<>();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    path.add(r.getLocalName());
                    String where = String.join("/", path);
                    if (where.equals("Delete/Object/Key")) {
                        keys.add(r.getElementText());
                        path.remove(path.size() - 1);
                    } else if (where.equals("Delete/Quiet")) {
                        quiet = Boolean.parseBoolean(r.getElementText().strip());
                        path.remove(path.size() - 1);
                    } else if (where.equals("Delete/Object/VersionId")) {
                        throw S3Error.notImplemented("versions in DeleteObjects");
                    }
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    path.remove(path.size() - 1);
                }
            }
        } catch (XMLStreamException e) {
            throw S3Error.badRequest("MalformedXML", "The XML you provided was not well-formed: " + e.getMessage());
        }
        if (keys.size() > 1000) {
            throw S3Error.badRequest("MalformedXML", "DeleteObjects takes at most 1000 keys, got " + keys.size());
        }
        return new DeleteRequest(keys, quiet);
    }

    /** {@return the DeleteObjects answer: every key deleted, listed unless quiet} */
    static String deleteResult(DeleteRequest request) {
        StringBuilder xml = new StringBuilder(DECLARATION).append("<DeleteResult xmlns=\"").append(NAMESPACE)
                .append("\">");
        if (!request.quiet()) {
            request.keys().forEach(k -> xml.append("<Deleted><Key>").append(escape(k)).append("</Key></Deleted>"));
        }
        return xml.append("</DeleteResult>").toString();
    }
}
