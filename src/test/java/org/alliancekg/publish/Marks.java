package org.alliancekg.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the marked passages out of a page: the text of its {@code <mark>} elements of a class, unescaped. */
final class Marks {

    private Marks() {
    }

    /** The text of each {@code <mark>} of the class, in page order, tags dropped and entities decoded. */
    static List<String> of(String html, String cssClass) {
        Matcher m = Pattern.compile("<mark(?: id=\"[^\"]*\")? class=\"" + Pattern.quote(cssClass) + "\"[^>]*>(.*?)</mark>",
                Pattern.DOTALL).matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(text(m.group(1)));
        }
        return out;
    }

    /** The text of markup: tags dropped, the entities the renderers write decoded. */
    static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#61;", "=").replace("&#96;", "`").replace("&amp;", "&");
    }

    /** Source text as it reads once rendered: Markdown emphasis and heading marks dropped, spaces collapsed. */
    static String plain(String markdown) {
        return markdown.replaceAll("[*#`]", "").replaceAll("\\s+", " ").strip();
    }
}
