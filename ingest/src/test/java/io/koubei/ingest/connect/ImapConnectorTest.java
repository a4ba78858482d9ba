package io.koubei.ingest.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.koubei.core.feedback.Channel;
import io.koubei.core.feedback.FeedbackItem;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The imap connector against a GreenMail IMAP server on a free port: threads, official replies, paging, bad password. */
class ImapConnectorTest {
    @TempDir
    Path dir;
    GreenMail mail;
    GreenMailUser inbox;
    SyncFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        mail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        mail.start();
        inbox = mail.setUser("support@acme.com", "support", "pw");
        deliver("m1@customer.example", null, "li@customer.example", "屏幕闪烁", "新买的手机屏幕闪烁", "2026-12-01T02:00:00Z");
        deliver("m2@acme.com", "m1@customer.example", "agent@acme.com", "Re: 屏幕闪烁", "您好，请提供序列号", "2026-12-01T03:00:00Z");
        deliver("m3@customer.example", "m1@customer.example m2@acme.com", "li@customer.example", "Re: 屏幕闪烁", "序列号 123", "2026-12-01T04:00:00Z");
        deliver("m4@other.example", null, "wang@other.example", "充电慢", "充电很慢", "2026-12-02T02:00:00Z");
        fx = new SyncFixture(dir);
    }

    @AfterEach
    void tearDown() {
        fx.close();
        mail.stop();
    }

    private SourceConfig source(String password, String pageSize) {
        return fx.source("mailbox", "imap", Map.of("host", "127.0.0.1", "port", String.valueOf(mail.getImap().getPort()),
                "ssl", "false", "username", "support", "password", password, "ourDomains", "acme.com, @acme.cn",
                "pageSize", pageSize));
    }

    @Test
    void oneTicketPerThreadWithOfficialRepliesThenOnlyNewMail() throws Exception {
        SyncResult first = fx.sync(source("pw", "2"));

        assertThat(first.error()).isNull();
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.created()).isEqualTo(4);
        FeedbackItem ticket = fx.store.stored.get("mailbox:m1@customer.example");
        assertThat(ticket.channel()).isEqualTo(Channel.TICKET);
        assertThat(ticket.title()).isEqualTo("屏幕闪烁");
        assertThat(ticket.text()).isEqualTo("新买的手机屏幕闪烁");
        assertThat(ticket.replyTo()).isNull();
        assertThat(ticket.ticket().status()).isEqualTo("open");
        assertThat(ticket.createdAt()).isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
        assertThat(ticket.author().id()).isEqualTo("li@customer.example");
        FeedbackItem answer = fx.store.stored.get("mailbox:m2@acme.com");
        assertThat(answer.replyTo()).isEqualTo("mailbox:m1@customer.example");
        assertThat(answer.fromOfficialAccount()).isTrue();
        FeedbackItem followUp = fx.store.stored.get("mailbox:m3@customer.example");
        assertThat(followUp.replyTo()).isEqualTo("mailbox:m1@customer.example");
        assertThat(followUp.fromOfficialAccount()).isFalse();

        assertThat(fx.sync(source("pw", "2")).fetched()).isZero();

        deliver("m5@acme.com", "m4@other.example", "agent@acme.com", "Re: 充电慢", "请尝试原装充电器", "2026-12-02T05:00:00Z");
        SyncResult third = fx.sync(source("pw", "2"));
        assertThat(third.created()).isEqualTo(1);
        assertThat(fx.store.stored.get("mailbox:m5@acme.com").replyTo()).isEqualTo("mailbox:m4@other.example");
    }

    @Test
    void aWrongPasswordIsAClearErrorAndTheCursorStays() {
        fx.sync(source("pw", "200"));
        String cursor = fx.cursor("mailbox");

        SyncResult r = fx.sync(source("s3cret-old", "200"));

        assertThat(r.error()).contains("IMAP login").contains("refused").contains("cursor was kept").doesNotContain("s3cret-old");
        assertThat(fx.cursor("mailbox")).isEqualTo(cursor);
        assertThat(fx.waits).isEmpty();
    }

    private void deliver(String id, String references, String from, String subject, String text, String sent) throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + id + ">");
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, "support@acme.com");
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.setSentDate(Date.from(Instant.parse(sent)));
        if (references != null) {
            String[] refs = references.split(" ");
            m.setHeader("In-Reply-To", "<" + refs[refs.length - 1] + ">");
            m.setHeader("References", String.join(" ", java.util.Arrays.stream(refs).map(r -> "<" + r + ">").toList()));
        }
        m.saveChanges();
        inbox.deliver(m);
    }
}
