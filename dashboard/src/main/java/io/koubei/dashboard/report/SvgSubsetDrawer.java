package io.koubei.dashboard.report;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.util.Locale;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Draws the report's own inline SVG charts ({@link SvgCharts}) into the PDF as vector graphics, so the PDF shows
 * the same chart as the HTML instead of dumping its labels as text. It understands the subset those charts use —
 * {@code line, polyline, polygon, rect, circle, text, g} with {@code stroke, fill, fill-opacity, stroke-width,
 * stroke-dasharray, font-size, font-weight, text-anchor} — and ignores {@code title} (tooltips).
 */
final class SvgSubsetDrawer implements SVGDrawer {

    @Override
    public void importFontFaceRules(java.util.List<FontFaceRule> rules, SharedContext shared) {
    }

    @Override
    public void addFontFile(File file, String family, Integer weight, BaseRendererBuilder.FontStyle style) {
    }

    @Override
    public void close() {
    }

    @Override
    public SVGImage buildSVGImage(Element svg, Box box, CssContext css, double cssWidth, double cssHeight, double dotsPerPixel) {
        double w = number(svg.getAttribute("width"), 300);
        double h = number(svg.getAttribute("height"), 150);
        double width = cssWidth > 0 ? cssWidth / dotsPerPixel : w;
        double height = cssHeight > 0 ? cssHeight / dotsPerPixel : cssWidth > 0 ? h * width / w : h;
        return new Image(svg, w, h, width, height, dotsPerPixel);
    }

    private record Image(Element svg, double viewWidth, double viewHeight, double width, double height,
            double dotsPerPixel) implements SVGImage {
        @Override
        public int getIntrinsicWidth() {
            return (int) Math.round(width * dotsPerPixel);
        }

        @Override
        public int getIntrinsicHeight() {
            return (int) Math.round(height * dotsPerPixel);
        }

        @Override
        public void drawSVG(OutputDevice out, RenderingContext ctx, double x, double y) {
            out.drawWithGraphics((float) x, (float) y, (float) width, (float) height, g -> {
                g.scale(width / viewWidth, height / viewHeight);
                drawChildren(g, svg, Style.ROOT);
            });
        }
    }

    /** Inherited presentation attributes. */
    private record Style(String fill, String stroke, double fillOpacity, double strokeWidth, double fontSize,
            boolean bold, String anchor, String dash) {
        static final Style ROOT = new Style("#000000", "none", 1, 1, 12, false, "start", null);

        Style of(Element e) {
            return new Style(attr(e, "fill", fill), attr(e, "stroke", stroke),
                    number(attr(e, "fill-opacity", null), fillOpacity), number(attr(e, "stroke-width", null), strokeWidth),
                    number(attr(e, "font-size", null), fontSize),
                    e.hasAttribute("font-weight") ? e.getAttribute("font-weight").matches("bold|[6-9]00") : bold,
                    attr(e, "text-anchor", anchor), attr(e, "stroke-dasharray", dash));
        }

        private static String attr(Element e, String name, String inherited) {
            return e.hasAttribute(name) ? e.getAttribute(name).trim() : inherited;
        }
    }

    private static void drawChildren(Graphics2D g, Element parent, Style inherited) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                draw(g, e, inherited.of(e));
            }
        }
    }

    private static void draw(Graphics2D g, Element e, Style s) {
        switch (e.getLocalName() == null ? e.getNodeName() : e.getLocalName()) {
            case "g" -> drawChildren(g, e, s);
            case "line" -> paint(g, new Line2D.Double(n(e, "x1"), n(e, "y1"), n(e, "x2"), n(e, "y2")), s, false);
            case "polyline" -> paint(g, poly(e.getAttribute("points"), false), s, true);
            case "polygon" -> paint(g, poly(e.getAttribute("points"), true), s, true);
            case "rect" -> paint(g, new Rectangle2D.Double(n(e, "x"), n(e, "y"), n(e, "width"), n(e, "height")), s, true);
            case "circle" -> {
                double r = n(e, "r");
                paint(g, new Ellipse2D.Double(n(e, "cx") - r, n(e, "cy") - r, 2 * r, 2 * r), s, true);
            }
            case "text" -> text(g, e, s);
            default -> {
                // title, desc and anything else: not drawn
            }
        }
    }

    private static void paint(Graphics2D g, Shape shape, Style s, boolean fillable) {
        Color fill = fillable ? color(s.fill()) : null;
        if (fill != null) {
            Composite before = g.getComposite();
            if (s.fillOpacity() < 1) {
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) s.fillOpacity()));
            }
            g.setColor(fill);
            g.fill(shape);
            g.setComposite(before);
        }
        Color stroke = color(s.stroke());
        if (stroke != null) {
            g.setColor(stroke);
            g.setStroke(s.dash() == null ? new BasicStroke((float) s.strokeWidth())
                    : new BasicStroke((float) s.strokeWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dashes(s.dash()), 0f));
            g.draw(shape);
        }
    }

    private static void text(Graphics2D g, Element e, Style s) {
        String text = e.getTextContent() == null ? "" : e.getTextContent().strip();
        Color fill = color(s.fill());
        if (text.isEmpty() || fill == null) {
            return;
        }
        g.setFont(new Font(Font.SANS_SERIF, s.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) s.fontSize()));
        double width = g.getFontMetrics().getStringBounds(text, g).getWidth();
        double x = n(e, "x") - switch (s.anchor()) {
            case "middle" -> width / 2;
            case "end" -> width;
            default -> 0;
        };
        g.setColor(fill);
        g.drawString(text, (float) x, (float) n(e, "y"));
    }

    private static Path2D poly(String points, boolean close) {
        Path2D.Double p = new Path2D.Double();
        String[] xy = points.trim().split("[\\s,]+");
        for (int i = 0; i + 1 < xy.length; i += 2) {
            double x = Double.parseDouble(xy[i]);
            double y = Double.parseDouble(xy[i + 1]);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        if (close) {
            p.closePath();
        }
        return p;
    }

    private static float[] dashes(String s) {
        String[] parts = s.trim().split("[\\s,]+");
        float[] d = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            d[i] = (float) number(parts[i], 2);
        }
        return d;
    }

    /** {@code #rgb}, {@code #rrggbb} or a few names; {@code none} (or anything else) draws nothing. */
    static Color color(String c) {
        if (c == null) {
            return null;
        }
        String v = c.trim().toLowerCase(Locale.ROOT);
        if (v.matches("#[0-9a-f]{6}")) {
            return new Color(Integer.parseInt(v.substring(1), 16));
        }
        if (v.matches("#[0-9a-f]{3}")) {
            int r = Character.digit(v.charAt(1), 16);
            int gr = Character.digit(v.charAt(2), 16);
            int b = Character.digit(v.charAt(3), 16);
            return new Color(r * 17, gr * 17, b * 17);
        }
        return switch (v) {
            case "black" -> Color.BLACK;
            case "white" -> Color.WHITE;
            case "currentcolor" -> Color.BLACK;
            default -> null;
        };
    }

    private static double n(Element e, String attr) {
        return number(e.getAttribute(attr), 0);
    }

    static double number(String s, double otherwise) {
        if (s == null || s.isBlank()) {
            return otherwise;
        }
        try {
            return Double.parseDouble(s.trim().replaceAll("(px|pt)$", ""));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
