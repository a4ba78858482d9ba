package io.koubei.dashboard.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Renders the report's XHTML to PDF. Chinese needs a CJK font: {@code koubei.report.pdf-font} (a .ttf/.otf/.ttc
 * file), else the first of a few well-known system fonts; with none, PDF export fails with a message saying so
 * (HTML and Markdown still work). Characters the font lacks (the minus sign in WenQuanYi) are replaced by plain
 * stand-ins ({@link FontCoverage}) rather than printed as {@code #}; the inline SVG charts are drawn as vector
 * graphics ({@link SvgSubsetDrawer}).
 */
public final class PdfReportRenderer {
    static final String FAMILY = "KoubeiCJK";
    private static final List<Path> WELL_KNOWN = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    private final Optional<Path> font;
    private final FontCoverage coverage;

    public PdfReportRenderer(String configuredFont) {
        this.font = resolve(configuredFont);
        this.coverage = font.map(FontCoverage::of).orElse(FontCoverage.ALL);
    }

    static Optional<Path> resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (!Files.isReadable(p)) {
                throw new IllegalStateException("koubei.report.pdf-font: cannot read " + p);
            }
            return Optional.of(p);
        }
        return WELL_KNOWN.stream().filter(Files::isReadable).findFirst();
    }

    public Optional<Path> font() {
        return font;
    }

    public String fontFamily() {
        return font.isPresent() ? FAMILY : null;
    }

    public byte[] render(String xhtml) {
        Path f = font.orElseThrow(() -> new IllegalStateException(
                "No CJK font for PDF: set koubei.report.pdf-font (env KOUBEI_REPORT_PDF_FONT) to a .ttf/.otf/.ttc file "
                        + "with Chinese glyphs, e.g. /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc (Debian: fonts-wqy-zenhei)"));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(f.toFile(), FAMILY);
            builder.useSVGDrawer(new SvgSubsetDrawer());
            builder.withHtmlContent(coverage.fit(xhtml), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed", e);
        }
    }
}
