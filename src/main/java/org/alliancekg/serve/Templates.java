package org.alliancekg.serve;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The server's HTML templates: Mustache files under {@code templates/} on the class path, compiled once and cached.
 * {@code {{name}}} escapes its value for HTML (element content and quoted attributes); {@code {{{name}}}} inserts
 * markup that the caller has already made safe (rendered Markdown, another template). Scopes are records, maps or
 * lists; a record's components are read by name.
 *
 * <pre>{@code
 * record Scope(String title, List<Row> rows) { }
 * String html = Templates.render("search", new Scope("Search", rows));   // templates/search.mustache
 * }</pre>
 */
public final class Templates {

    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("templates") {
        /** The five HTML escapes only, as {@link HtmlEscape}: no {@code &#61;} in URLs, no {@code &#10;} in text. */
        @Override
        public void encode(String value, java.io.Writer writer) {
            try {
                writer.write(HtmlEscape.esc(value));
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private Templates() {
    }

    /**
     * Renders {@code templates/{name}.mustache} with {@code scope}.
     *
     * @throws IllegalArgumentException if there is no such template
     */
    public static String render(String name, Object scope) {
        Mustache template;
        try {
            template = FACTORY.compile(name + ".mustache");
        } catch (com.github.mustachejava.MustacheNotFoundException e) {
            throw new IllegalArgumentException("no template " + name + ".mustache", e);
        }
        StringWriter out = new StringWriter();
        try {
            template.execute(out, scope).flush();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
