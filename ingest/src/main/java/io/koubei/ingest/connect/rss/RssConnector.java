package io.koubei.ingest.connect.rss;

import io.koubei.core.feedback.Channel;
import io.koubei.ingest.connect.Connector;
import io.koubei.ingest.connect.ConnectorException;
import io.koubei.ingest.connect.ConnectorJson;
import io.koubei.ingest.connect.HtmlText;
import io.koubei.ingest.connect.HttpFetcher;
import io.koubei.ingest.connect.Page;
import io.koubei.ingest.connect.SourceConfig;
import io.koubei.ingest.connect.Watermark;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Any RSS 2.0 (also 1.0/RDF) or Atom feed, including the routes of a self-hosted RSSHub (Weibo, Bilibili, Zhihu,
 * Xiaohongshu, Tieba, Douban…). An RSS {@code item} / Atom {@code entry} → an item: {@code guid}/{@code id} (else
 * the link) as externalId, {@code title}, the HTML of {@code content:encoded}/{@code description}/{@code content}/
 * {@code summary} as plain text, {@code pubDate}/{@code published}/{@code updated}/{@code dc:date} as createdAt,
 * {@code author}/{@code dc:creator}/{@code author/name}, {@code link}, categories as tags. Channel {@code social}
 * unless the source sets one.
 *
 * <p>A feed is one page: the cursor is a watermark of the newest date read (with the ids at that date), so a
 * second run takes only entries that are newer. An entry without a readable date is rejected (createdAt is required).
 */
public final class RssConnector implements Connector {
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final HttpFetcher http;
    private final URI url;

    public RssConnector(SourceConfig config, HttpFetcher http) {
        this.http = http;
        String u = config.required("url");
        try {
            this.url = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw config.problem("url", "not a URL: '" + u + "'");
        }
        if (url.getScheme() == null || !url.getScheme().matches("https?")) {
            throw config.problem("url", "expected an http(s) URL such as https://rsshub.example.com/weibo/user/1195230310, got '" + u + "'");
        }
    }

    @Override
    public Channel defaultChannel() {
        return Channel.SOCIAL;
    }

    @Override
    public Page fetch(String cursor) throws ConnectorException {
        ObjectNode state = ConnectorJson.readCursor(cursor);
        Watermark known = Watermark.readFrom(state, "known");
        String body = http.get(url, Map.of("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")).body();
        Document doc = parse(body);
        boolean atom = ATOM.equals(doc.getDocumentElement().getNamespaceURI());
        NodeList entries = doc.getElementsByTagNameNS("*", atom ? "entry" : "item");
        Watermark newest = known;
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            ObjectNode o = atom ? atomEntry(e) : rssItem(e);
            String id = o.path("externalId").asString();
            Instant at = o.hasNonNull("createdAt") ? Instant.parse(o.get("createdAt").asString()) : null;
            if (at != null) {
                if (!known.isNew(at, id)) {
                    continue;
                }
                newest = newest.advance(at, id);
            }
            records.add(o);
        }
        ObjectNode next = ConnectorJson.object();
        newest.writeTo(next, "known");
        return new Page(records, ConnectorJson.cursor(next), false);
    }

    private Document parse(String body) throws ConnectorException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(body.strip())));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new ConnectorException(ConnectorException.Kind.PERMANENT, "the answer of " + HttpFetcher.where(url)
                    + " is not an RSS or Atom feed: " + e.getMessage(), null, e);
        }
    }

    private ObjectNode rssItem(Element e) {
        String link = child(e, null, "link");
        String guid = child(e, null, "guid");
        String title = child(e, null, "title");
        String html = first(child(e, CONTENT, "encoded"), child(e, null, "description"));
        Instant at = FeedDates.parse(first(child(e, null, "pubDate"), child(e, DC, "date")));
        String author = first(child(e, DC, "creator"), child(e, null, "author"));
        return record(first(guid, link), title, HtmlText.toText(html), at, author, link, categories(e, false));
    }

    private ObjectNode atomEntry(Element e) {
        String link = null;
        for (Element l : children(e, ATOM, "link")) {
            String rel = l.getAttribute("rel");
            if (rel.isEmpty() || rel.equals("alternate")) {
                link = l.getAttribute("href");
                break;
            }
        }
        Element content = firstElement(children(e, ATOM, "content"), children(e, ATOM, "summary"));
        String text = null;
        if (content != null) {
            text = "text".equals(content.getAttribute("type")) ? content.getTextContent().strip() : HtmlText.toText(content.getTextContent());
        }
        Instant at = FeedDates.parse(first(child(e, ATOM, "published"), child(e, ATOM, "updated")));
        String author = null;
        for (Element a : children(e, ATOM, "author")) {
            author = child(a, ATOM, "name");
        }
        return record(first(child(e, ATOM, "id"), link), HtmlText.toText(child(e, ATOM, "title")), text, at, author, link,
                categories(e, true));
    }

    private static ObjectNode record(String id, String title, String text, Instant at, String author, String link, List<String> tags) {
        ObjectNode o = ConnectorJson.object();
        o.put("externalId", id != null ? id : hash(title + "|" + at + "|" + text));
        if (at != null) {
            o.put("createdAt", at.toString());
        }
        ConnectorJson.putText(o, "title", title);
        o.put("text", text == null || text.isBlank() ? (title == null ? "" : title) : text);
        ConnectorJson.putText(o, "url", link);
        if (author != null && !author.isBlank()) {
            o.putObject("author").put("name", author.strip());
        }
        if (!tags.isEmpty()) {
            ArrayNode a = o.putArray("tags");
            tags.forEach(a::add);
        }
        return o;
    }

    private static List<String> categories(Element e, boolean atom) {
        List<String> out = new ArrayList<>();
        for (Element c : children(e, atom ? ATOM : null, "category")) {
            String v = atom ? c.getAttribute("term") : c.getTextContent();
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
        return out;
    }

    /** Text of the first direct child with that name (any namespace when {@code ns} is null and the child has none). */
    private static String child(Element e, String ns, String name) {
        List<Element> c = children(e, ns, name);
        if (c.isEmpty()) {
            return null;
        }
        String t = c.get(0).getTextContent();
        return t == null || t.isBlank() ? null : t.strip();
    }

    private static List<Element> children(Element e, String ns, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && name.equals(c.getLocalName())
                    && (ns == null ? c.getNamespaceURI() == null || c.getNamespaceURI().startsWith("http://purl.org/rss/1.0/") && !CONTENT.equals(c.getNamespaceURI())
                    : ns.equals(c.getNamespaceURI()))) {
                out.add(c);
            }
        }
        return out;
    }

    private static Element firstElement(List<Element> a, List<Element> b) {
        return !a.isEmpty() ? a.get(0) : b.isEmpty() ? null : b.get(0);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String hash(String s) {
        try {
            return "sha1-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
