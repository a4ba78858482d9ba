package io.koubei.dashboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code koubei sync} against a local RSSHub-like feed: a first run brings the items, a second nothing new. */
class SyncCommandTest {
    @TempDir
    Path dir;
    HttpServer rsshub;

    @BeforeEach
    void start() throws Exception {
        rsshub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rsshub.createContext("/weibo/user/1", ex -> {
            byte[] body = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0"><channel><title>微博</title>
                      <item><title>续航差</title><description><![CDATA[<p>续航太差了</p>]]></description>
                        <pubDate>Sat, 05 Dec 2026 10:15:30 +0800</pubDate><guid>w1</guid><link>https://weibo.com/1/w1</link></item>
                      <item><title>拍照好</title><description><![CDATA[<p>拍照很好</p>]]></description>
                        <pubDate>Sat, 05 Dec 2026 11:15:30 +0800</pubDate><guid>w2</guid><link>https://weibo.com/1/w2</link></item>
                    </channel></rss>""".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        rsshub.start();
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/sources.yml"), """
                sources:
                  - name: weibo-nova
                    type: rss
                    url: http://127.0.0.1:%d/weibo/user/1
                    product: nova-x1
                  - name: other
                    type: rss
                    url: http://127.0.0.1:%d/missing
                """.formatted(rsshub.getAddress().getPort(), rsshub.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        rsshub.stop(0);
    }

    @Test
    void runsOneSourceNowThenFindsNothingNew() {
        String[] first = run("--data-dir", dir.resolve("data").toString(), "--source", "weibo-nova");
        assertThat(first[0]).as(first[1]).isEqualTo("0");
        assertThat(first[1]).contains("weibo-nova (rss): 2 fetched, 2 new, 0 updated, 0 rejected, 0 warnings, next cursor {\"known\":{\"since\":\"2026-12-05T03:15:30Z\",\"ids\":[\"w2\"]}}");

        String[] second = run("--data-dir", dir.resolve("data").toString(), "--source", "weibo-nova");
        assertThat(second[1]).contains("weibo-nova (rss): 0 fetched, 0 new, 0 updated");

        String[] unknown = run("--data-dir", dir.resolve("data").toString(), "--source", "nope");
        assertThat(unknown[0]).isEqualTo("2");
        assertThat(unknown[2]).contains("no source named 'nope'").contains("(there are: weibo-nova, other)");
    }

    /** exit code, stdout, stderr */
    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new SyncCommand()).execute(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }
}
