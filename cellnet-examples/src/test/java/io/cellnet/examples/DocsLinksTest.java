package io.cellnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README links every page of docs/, and every relative link of the docs resolves (file and anchor). */
class DocsLinksTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_BLOCK = Pattern.compile("(?s)```.*?```");

    @Test
    void theReadmeLinksEveryDocsPage() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> missing = new ArrayList<>();
        for (Path page : pages()) {
            if (!page.getFileName().toString().equals("README.md")
                    && !readme.contains("](docs/" + page.getFileName() + ")")) {
                missing.add(page.getFileName().toString());
            }
        }
        assertEquals(List.of(), missing, "docs pages the README does not link");
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            String text = CODE_BLOCK.matcher(Files.readString(page)).replaceAll("");
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (!target.startsWith("http") && !resolves(page, target)) {
                    broken.add(ROOT.relativize(page) + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), broken, "broken links");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static boolean resolves(Path page, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return false;
        }
        if (hash < 0 || !resolved.toString().endsWith(".md")) {
            return true;
        }
        String anchor = target.substring(hash + 1);
        try (Stream<String> lines = Files.lines(resolved)) {
            return lines.filter(l -> l.startsWith("#")).map(DocsLinksTest::slug).anyMatch(anchor::equals);
        }
    }

    /** GitHub's anchor of a heading line. */
    static String slug(String heading) {
        String title = heading.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
        return title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
