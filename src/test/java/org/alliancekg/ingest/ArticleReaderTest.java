package org.alliancekg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleReaderTest {

    private static final String FILE = "data/articles/a.md";

    @Test
    void bodyIsExactlyTheTextAfterTheClosingLine() {
        String body = "\n\nFirst line “quoted” 🌸\n---\nnot front matter\n";
        Article a = ArticleReader.parse("a", FILE, "---\ntitle: T\nauthors: [X Y]\ndate: 2022-12\n---\n" + body);
        assertEquals(body, a.body());
        assertEquals(6, a.bodyLine());
        assertEquals("T", a.frontMatter().title());
        assertEquals(List.of("X Y"), a.frontMatter().authors());
        assertEquals(XSDDatatype.XSDgYearMonth, a.frontMatter().date().datatype());
        assertEquals("en", a.frontMatter().language());
        assertNull(a.frontMatter().publisher());
    }

    @Test
    void readsTheFixtureArticle() {
        ProjectLayout layout = ProjectLayout.of(TestProjects.resource("fixtures/mini"));
        List<Article> articles = new ArticleReader(layout).readAll();
        assertEquals(1, articles.size());
        Article a = articles.get(0);
        assertEquals("t1-test-article", a.id());
        assertEquals("data/articles/t1-test-article.md", a.file());
        assertTrue(a.body().startsWith("Allied ministers met in Tokyo"));
        assertEquals("https://example.org/t1", a.frontMatter().url());
        assertEquals(XSDDatatype.XSDgYearMonth, a.frontMatter().date().datatype());
        assertTrue(a.frontMatter().dateInferred().startsWith("The text speaks"));
        assertEquals(64, a.textSha256().length());
    }

    @Test
    void noFrontMatterIsRefused() {
        InputException e = assertThrows(InputException.class, () -> ArticleReader.parse("a", FILE, "Just text\n"));
        assertEquals("data/articles/a.md:1: no front matter: the file must start with a '---' line, then YAML "
                + "fields, then a '---' line", e.getMessage());
        e = assertThrows(InputException.class, () -> ArticleReader.parse("a", FILE, "---\ntitle: T\nbody\n"));
        assertTrue(e.getMessage().contains("no closing '---' line"), e.getMessage());
    }

    @Test
    void unknownFieldIsRefusedWithLineAndColumn() {
        InputException e = assertThrows(InputException.class,
                () -> ArticleReader.parse("a", FILE, "---\ntitle: T\nsubtitle: S\n---\nBody\n"));
        assertEquals(1, e.problems().size());
        Problem p = e.problems().get(0);
        assertEquals(3, p.line());
        assertEquals(1, p.column());
        assertEquals("subtitle", p.field());
        assertTrue(e.getMessage().startsWith("data/articles/a.md:3:1: subtitle: unknown field; known fields: authors,"),
                e.getMessage());
    }

    @Test
    void badDateNamesTheLine() {
        InputException e = assertThrows(InputException.class,
                () -> ArticleReader.parse("a", FILE, "---\ntitle: T\ndate: 2022-13-01\n---\nBody\n"));
        assertEquals("data/articles/a.md:3: date: '2022-13-01' is not a valid date (day precision)", e.getMessage());
        e = assertThrows(InputException.class,
                () -> ArticleReader.parse("a", FILE, "---\ntitle: T\ndate: early 2022\n---\nBody\n"));
        assertTrue(e.getMessage().contains("date: 'early 2022' is not YYYY-MM-DD, YYYY-MM or YYYY"), e.getMessage());
    }

    @Test
    void everyProblemOfTheFileIsReported() {
        InputException e = assertThrows(InputException.class, () -> ArticleReader.parse("a", FILE,
                "---\ntitle: \"\"\ndate: 20\nurl: not a url\n---\n  \n"));
        List<String> fields = e.problems().stream().map(Problem::field).toList();
        assertTrue(fields.containsAll(List.of("date", "body")), fields.toString());
        assertTrue(e.getMessage().contains("data/articles/a.md:6: body: empty"), e.getMessage());
    }

    @Test
    void frontMatterRulesAreCheckedTogether() {
        InputException e = assertThrows(InputException.class, () -> ArticleReader.parse("a", FILE,
                "---\ntitle: \" \"\ndate_inferred: guessed\nurl: ftp://x\nlanguage: English\n---\nBody\n"));
        List<String> fields = e.problems().stream().map(Problem::field).toList();
        assertEquals(List.of("title", "date_inferred", "url", "language"), fields);
        assertEquals(3, e.problems().get(1).line());
    }

    @Test
    void emptyBodyIsRefused() {
        InputException e = assertThrows(InputException.class,
                () -> ArticleReader.parse("a", FILE, "---\ntitle: T\n---\n\n   \n"));
        assertEquals("data/articles/a.md:4: body: empty: the article has no text after the front matter",
                e.getMessage());
    }

    @Test
    void nonUtf8BytesAreRefusedWithTheirLine(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("p"));
        Path articles = Files.createDirectories(root.resolve("data/articles"));
        byte[] head = "---\ntitle: T\n---\nGood line\nBad ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é
        bytes[head.length + 1] = '\n';
        Files.write(articles.resolve("x.md"), bytes);
        InputException e = assertThrows(InputException.class,
                () -> new ArticleReader(ProjectLayout.of(root)).readAll());
        assertEquals("data/articles/x.md:5:5: not UTF-8: malformed byte 0xE9 at byte offset 31", e.getMessage());
    }

    @Test
    void problemsOfSeveralFilesAreReportedTogether(@TempDir Path dir) throws Exception {
        Path articles = Files.createDirectories(dir.resolve("data/articles"));
        Files.writeString(articles.resolve("a.md"), "no front matter\n");
        Files.writeString(articles.resolve("b.md"), "---\ntitle: B\n---\nfine\n");
        Files.writeString(articles.resolve("c.md"), "---\ntitle: C\nfoo: 1\n---\nx\n");
        InputException e = assertThrows(InputException.class, () -> new ArticleReader(ProjectLayout.of(dir)).readAll());
        assertEquals(List.of("data/articles/a.md", "data/articles/c.md"),
                e.problems().stream().map(Problem::file).toList());
    }

    @Test
    void badArticleIdIsRefused() {
        InputException e = assertThrows(InputException.class,
                () -> ArticleReader.parse("Bad_Id", "data/articles/Bad_Id.md", "---\ntitle: T\n---\nBody\n"));
        assertTrue(e.getMessage().startsWith("data/articles/Bad_Id.md: id: 'Bad_Id' is not an article id"),
                e.getMessage());
    }

    @Test
    void yamlAliasesAreRefusedInFrontMatter() {
        InputException e = assertThrows(InputException.class,
                () -> ArticleReader.parse("a", FILE, "---\ntitle: &t T\npublisher: *t\nauthors: &l [A]\n---\nBody\n"));
        assertEquals(List.of("data/articles/a.md:3:12: YAML aliases (*t) are not allowed",
                "data/articles/a.md:4:10: YAML anchors (&l) are not allowed"),
                e.problems().stream().map(Problem::toString).toList());
    }
}
