package io.koubei.ingest.connect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain text from the HTML that feeds and forums send (RSS descriptions, Discourse's cooked posts). */
public final class HtmlText {
    private static final Pattern BREAKS = Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/h[1-6]|/blockquote)\\b[^>]*>");
    private static final Pattern TAGS = Pattern.compile("(?s)<!--.*?-->|<[^>]*>");
    private static final Pattern SCRIPTS = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");

    private HtmlText() {
    }

    public static String toText(String html) {
        if (html == null) {
            return null;
        }
        String s = SCRIPTS.matcher(html).replaceAll(" ");
        s = BREAKS.matcher(s).replaceAll("\n");
        s = TAGS.matcher(s).replaceAll("");
        s = unescape(s);
        s = s.replace('\u00A0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\n[ \n]*", "\n");
        return s.strip();
    }

    static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                r = codePoint(e.substring(2), 16, m.group());
            } else if (e.startsWith("#")) {
                r = codePoint(e.substring(1), 10, m.group());
            } else {
                r = switch (e) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    case "hellip" -> "…";
                    case "mdash" -> "—";
                    case "ndash" -> "–";
                    case "ldquo" -> "“";
                    case "rdquo" -> "”";
                    default -> m.group();
                };
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String codePoint(String digits, int radix, String original) {
        try {
            int cp = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : original;
        } catch (NumberFormatException e) {
            return original;
        }
    }
}
