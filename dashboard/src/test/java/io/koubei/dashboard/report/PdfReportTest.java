package io.koubei.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.koubei.core.time.CalendarKeys;
import io.koubei.store.embedded.LuceneFeedbackStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF as a reader gets it, read back with PDFBox: minus signs survive (not '#'), the NPS chart is drawn (vector
 * paths on page 1, red line pixels in the rendered page) rather than its labels dumped as text, and page 1 is not
 * left mostly blank. Chinese and English. Needs a CJK font (.ci/run installs fonts-wqy-zenhei); skipped without one.
 */
class PdfReportTest {
    private static final CalendarKeys CAL = CalendarKeys.defaultZone();
    private static final String WEEK = "2026-W45";

    @TempDir
    Path dir;
    LuceneFeedbackStore store;
    WeeklyReportBuilder builder;
    PdfReportRenderer pdf;

    @BeforeEach
    void setUp() {
        store = new LuceneFeedbackStore(dir.resolve("index"));
        builder = new WeeklyReportBuilder(store, CAL, 30, WeeklyReportBuilder.ReportNotes.NONE,
                Clock.fixed(Instant.parse("2026-11-12T02:00:00Z"), ZoneOffset.UTC));
        pdf = new PdfReportRenderer(null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private byte[] render(Locale locale) {
        assumeTrue(pdf.font().isPresent(), "no CJK font for PDF (Debian: fonts-wqy-zenhei)");
        ReportFixture.seed(store, WEEK);
        String html = new HtmlReportRenderer(ReportTemplates.engine(), CAL.zone()).render(builder.build(WEEK, null),
                pdf.fontFamily(), locale);
        byte[] bytes = pdf.render(html);
        try {
            Path out = Path.of("target", "reports");
            Files.createDirectories(out);
            Files.write(out.resolve("PdfReportTest-" + locale.getLanguage() + ".pdf"), bytes);
        } catch (IOException e) {
            // an artefact only
        }
        return bytes;
    }

    @Test
    void chineseMinusSignsSurviveAndTheChartIsDrawn() throws IOException {
        byte[] bytes = render(Locale.SIMPLIFIED_CHINESE);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String page1 = text(doc, 1);
            assertThat(page1).contains("口碑周报").containsPattern("[−-]\\d+ 分，显著").doesNotContainPattern("#\\d");
            // page 1 opens with the summary, before the numbers
            assertThat(page1).contains("本周结论").contains("主要原因").contains("建议跟进");
            assertThat(page1.replaceAll("\\s+", "")).contains("拉低NPS最多的是「battery」");
            assertThat(page1.indexOf("本周结论")).isLessThan(page1.indexOf("NPS 净推荐值"));
            assertChartDrawn(doc, page1);
        }
    }

    @Test
    void englishMinusSignsSurviveAndTheChartIsDrawn() throws IOException {
        byte[] bytes = render(Locale.ENGLISH);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String page1 = text(doc, 1);
            assertThat(page1).containsPattern("[−-]\\d+ pts, significant").doesNotContainPattern("#\\d");
            assertThat(page1).contains("This week in brief").contains("Main reasons").contains("Follow up");
            assertThat(page1.replaceAll("\\s+", " ")).contains("battery pulls NPS down most");
            assertThat(page1.indexOf("This week in brief")).isLessThan(page1.indexOf("By channel"));
            assertChartDrawn(doc, page1);
        }
    }

    @Test
    void pageOneIsNotLeftMostlyBlank() throws IOException {
        byte[] bytes = render(Locale.SIMPLIFIED_CHINESE);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assumeTrue(doc.getNumberOfPages() > 1, "the whole report fits on one page");
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 40);
            int lastInk = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    if ((page.getRGB(x, y) & 0xffffff) != 0xffffff) {
                        lastInk = y;
                        break;
                    }
                }
            }
            // content reaches into the bottom fifth of the page (its bottom margin is 14 mm of 297)
            assertThat((double) lastInk / page.getHeight()).as("lowest ink on page 1").isGreaterThan(0.8);
        }
    }

    private static String text(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }

    private static void assertChartDrawn(PDDocument doc, String page1) throws IOException {
        // the chart is graphics (a form or image XObject with paths), not text: no tooltip or axis run dumped
        assertThat(hasGraphicsXObject(doc.getPage(0).getResources())).as("vector or image chart on page 1").isTrue();
        assertThat(page1).doesNotContain("(n=318)W").doesNotContainPattern("W\\d\\dW\\d\\d")
                .doesNotContain("-100-50050100").doesNotContainPattern("\\d{4}-W\\d\\d: \\d");
        // and it is visible: the chart's red line and band, rendered
        BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 60);
        long red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 150 && g < 90 && b < 100) {
                    red++;
                }
            }
        }
        // the headings' red rules alone are thin lines; the NPS line with its points adds a few hundred pixels more
        assertThat(red).as("red pixels of the NPS line on page 1").isGreaterThan(redOfRulesAlone(image) + 150);
    }

    /** Pixels of the full-width red heading rules (rows that are red across most of the page). */
    private static long redOfRulesAlone(BufferedImage image) {
        long red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            long row = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > 150 && ((rgb >> 8) & 0xff) < 90 && (rgb & 0xff) < 100) {
                    row++;
                }
            }
            if (row > image.getWidth() / 2) {
                red += row;
            }
        }
        return red;
    }

    private static boolean hasGraphicsXObject(PDResources resources) throws IOException {
        if (resources == null) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject) {
                return true;
            }
            if (x instanceof PDFormXObject form && (drawsPaths(form) || hasGraphicsXObject(form.getResources()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean drawsPaths(PDFormXObject form) throws IOException {
        boolean path = false;
        boolean paint = false;
        for (Object token : new PDFStreamParser(form).parse()) {
            if (token instanceof Operator op) {
                path |= Set.of("l", "c", "re").contains(op.getName());
                paint |= Set.of("S", "f", "F", "B", "f*", "B*", "s", "b").contains(op.getName());
            }
        }
        return path && paint;
    }
}
