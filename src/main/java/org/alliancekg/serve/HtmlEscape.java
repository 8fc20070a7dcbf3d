package org.alliancekg.serve;

/**
 * Escaping text for HTML, shared by the server's own pages ({@link HomePage}, {@link SiteNav}) and the Linked Data
 * pages of {@code publish}.
 *
 * <pre>{@code
 * html.append("<td title=\"").append(HtmlEscape.esc(iri)).append("\">").append(HtmlEscape.esc(label));
 * }</pre>
 */
public final class HtmlEscape {

    private HtmlEscape() {
    }

    /**
     * Escapes text for element content and double- or single-quoted attribute values: {@code & < > " '}.
     *
     * @param s the text; null stands for no text
     * @return the escaped text, empty for null
     */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
