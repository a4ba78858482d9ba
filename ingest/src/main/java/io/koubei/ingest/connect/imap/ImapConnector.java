package io.koubei.ingest.connect.imap;

import io.koubei.core.feedback.Channel;
import io.koubei.ingest.connect.Connector;
import io.koubei.ingest.connect.ConnectorException;
import io.koubei.ingest.connect.ConnectorJson;
import io.koubei.ingest.connect.HtmlText;
import io.koubei.ingest.connect.Page;
import io.koubei.ingest.connect.SourceConfig;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.BodyPart;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * A support mailbox over IMAP(S): one ticket per thread. The first message of a thread (no {@code References} /
 * {@code In-Reply-To}) → a {@code ticket} item whose externalId is its Message-ID; every later message → an item
 * replying to its thread's first message (the first id in {@code References}, else {@code In-Reply-To}); messages
 * from an address in {@code ourDomains} are official. The cursor is the folder's UIDVALIDITY and the highest UID read;
 * a page is at most {@code pageSize} messages. When UIDVALIDITY changes the folder is read again (ids are
 * Message-IDs, so nothing doubles).
 */
public final class ImapConnector implements Connector {

    private final String host;
    private final int port;
    private final boolean ssl;
    private final String username;
    private final String password;
    private final String folder;
    private final Set<String> ourDomains;
    private final int pageSize;
    private final String sourceName;

    public ImapConnector(SourceConfig config) {
        this.sourceName = config.name();
        this.host = config.required("host");
        this.ssl = Boolean.parseBoolean(config.optional("ssl", "true"));
        this.port = config.intSetting("port", ssl ? 993 : 143, 1, 65535);
        this.username = config.required("username");
        this.password = config.required("password");
        this.folder = config.optional("folder", "INBOX");
        this.ourDomains = Arrays.stream(config.optional("ourDomains", "").split("[,\\s]+"))
                .map(s -> s.trim().toLowerCase(Locale.ROOT).replaceFirst("^@", "")).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.pageSize = config.intSetting("pageSize", 200, 1, 5000);
    }

    @Override
    public Channel defaultChannel() {
        return Channel.TICKET;
    }

    @Override
    public Page fetch(String cursor) throws ConnectorException {
        ObjectNode state = ConnectorJson.readCursor(cursor);
        Properties props = new Properties();
        String protocol = ssl ? "imaps" : "imap";
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "60000");
        Session session = Session.getInstance(props);
        try (Store store = session.getStore(protocol)) {
            store.connect(host, port, username, password);
            Folder f = store.getFolder(folder);
            f.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) f;
                long validity = uids.getUIDValidity();
                long last = state.path("uidValidity").asLong(-1) == validity ? state.path("lastUid").asLong(0) : 0;
                Message[] messages = uids.getMessagesByUID(last + 1, UIDFolder.MAXUID);
                FetchProfile fp = new FetchProfile();
                fp.add(UIDFolder.FetchProfileItem.UID);
                fp.add(FetchProfile.Item.ENVELOPE);
                f.fetch(messages, fp);
                List<ObjectNode> records = new ArrayList<>();
                long highest = last;
                int taken = 0;
                boolean more = false;
                for (Message m : messages) {
                    long uid = uids.getUID(m);
                    if (uid <= last) {
                        continue; // an empty range answers with the last message
                    }
                    if (taken == pageSize) {
                        more = true;
                        break;
                    }
                    records.add(map(m, validity, uid));
                    highest = Math.max(highest, uid);
                    taken++;
                }
                ObjectNode next = ConnectorJson.object();
                next.put("uidValidity", validity);
                next.put("lastUid", highest);
                return new Page(records, ConnectorJson.cursor(next), more);
            } finally {
                f.close(false);
            }
        } catch (AuthenticationFailedException e) {
            throw new ConnectorException(ConnectorException.Kind.AUTH, "IMAP login to " + host + ":" + port + " as "
                    + username + " refused (wrong or expired password?); the cursor was kept", null, e);
        } catch (FolderNotFoundException e) {
            throw new ConnectorException(ConnectorException.Kind.PERMANENT, "IMAP folder '" + folder + "' not found on " + host, null, e);
        } catch (MessagingException | IOException e) {
            throw new ConnectorException(ConnectorException.Kind.TRANSIENT, "IMAP " + host + ":" + port + ": " + e.getMessage(), null, e);
        }
    }

    private ObjectNode map(Message m, long validity, long uid) throws MessagingException, IOException {
        ObjectNode o = ConnectorJson.object();
        String messageId = id(first(m.getHeader("Message-ID")));
        String own = messageId != null ? messageId : "uid-" + validity + "-" + uid;
        o.put("externalId", own);
        java.util.Date sent = m.getSentDate() != null ? m.getSentDate() : m.getReceivedDate();
        if (sent != null) {
            o.put("createdAt", sent.toInstant().toString());
        }
        ConnectorJson.putText(o, "title", m.getSubject());
        String text = text(m);
        o.put("text", text == null ? "" : text.strip());
        String root = threadRoot(m);
        Address[] from = m.getFrom();
        if (from != null && from.length > 0 && from[0] instanceof InternetAddress a) {
            ObjectNode author = o.putObject("author");
            String address = a.getAddress() == null ? "" : a.getAddress().toLowerCase(Locale.ROOT);
            author.put("id", address);
            ConnectorJson.putText(author, "name", a.getPersonal());
            author.put("official", ourDomains.contains(address.substring(address.indexOf('@') + 1)));
        }
        if (root != null && !root.equals(own)) {
            o.put("replyTo", sourceName + ":" + root);
        } else {
            o.putObject("ticket").put("status", "open");
        }
        o.putObject("fields").put("folder", folder);
        return o;
    }

    /** The thread's first message: the first id in References, else In-Reply-To; null for a new thread. */
    private static String threadRoot(Message m) throws MessagingException {
        String refs = first(m.getHeader("References"));
        if (refs != null && !refs.isBlank()) {
            return id(refs.trim().split("\\s+")[0]);
        }
        return id(first(m.getHeader("In-Reply-To")));
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String id(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.trim();
        int lt = v.indexOf('<');
        int gt = v.indexOf('>', lt + 1);
        return lt >= 0 && gt > lt ? v.substring(lt + 1, gt) : v;
    }

    /** The text/plain part, else the text/html part as plain text. */
    private static String text(Part p) throws MessagingException, IOException {
        if (p.isMimeType("text/plain")) {
            return String.valueOf(p.getContent());
        }
        if (p.isMimeType("text/html")) {
            return HtmlText.toText(String.valueOf(p.getContent()));
        }
        if (p.isMimeType("multipart/*") && p.getContent() instanceof Multipart mp) {
            String html = null;
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    continue;
                }
                if (part.isMimeType("text/plain")) {
                    return String.valueOf(part.getContent());
                }
                String t = text(part);
                if (t != null && html == null) {
                    html = t;
                }
            }
            return html;
        }
        return null;
    }
}
