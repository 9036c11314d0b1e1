package io.cellnet.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What Maven Central and users are given: the published modules (a jar module that does not set
 * {@code cellnet.unpublished}) are exactly those cellnet-bom lists, each is a JPMS module, and the
 * POMs carry Central's metadata. A new module is published (and so must be in the BOM) unless its
 * POM says otherwise.
 */
class PublishedModulesTest {
    private static final Path ROOT = Path.of(Objects.requireNonNull(System.getProperty("cellnet.root"),
            "cellnet.root (set by the POM)"));

    @Test
    void theBomListsEveryPublishedModule() throws Exception {
        Set<String> bom = new TreeSet<>();
        for (Element dependency : children(child(child(pom(ROOT.resolve("cellnet-bom")), "dependencyManagement"),
                "dependencies"), "dependency")) {
            assertEquals("io.cellnet", text(dependency, "groupId"));
            assertEquals("${project.version}", text(dependency, "version"));
            bom.add(text(dependency, "artifactId"));
        }
        assertEquals(published(), bom);
        assertTrue(bom.containsAll(Set.of("cellnet-api", "cellnet-netty", "cellnet-testing", "cellnet-mesh")), bom::toString);
    }

    @Test
    void everyPublishedModuleIsAJpmsModule() throws Exception {
        for (String module : published()) {
            assertTrue(Files.isRegularFile(ROOT.resolve(module).resolve("src/main/java/module-info.java")), module);
        }
    }

    @Test
    void theParentAndTheBomCarryCentralsMetadata() throws Exception {
        for (String dir : List.of(".", "cellnet-bom")) {
            Element pom = pom(ROOT.resolve(dir));
            for (String field : List.of("name", "description", "url")) {
                assertTrue(!text(pom, field).isBlank(), dir + ": " + field);
            }
            assertEquals("MIT License", text(child(child(pom, "licenses"), "license"), "name"), dir);
            assertTrue(!text(child(child(pom, "developers"), "developer"), "name").isBlank(), dir);
            for (String field : List.of("url", "connection", "developerConnection")) {
                assertTrue(!text(child(pom, "scm"), field).isBlank(), dir + ": scm " + field);
            }
        }
        assertTrue(Files.isRegularFile(ROOT.resolve("LICENSE")));
    }

    /** The modules of the root POM that are published: jars whose POM does not set cellnet.unpublished. */
    private static Set<String> published() throws Exception {
        Set<String> published = new TreeSet<>();
        for (Element module : children(child(pom(ROOT), "modules"), "module")) {
            String name = module.getTextContent().strip();
            Element pom = pom(ROOT.resolve(name));
            Element properties = optionalChild(pom, "properties");
            boolean unpublished = properties != null && "true".equals(text(properties, "cellnet.unpublished"));
            String packaging = text(pom, "packaging");
            if (!unpublished && (packaging.isEmpty() || packaging.equals("jar"))) {
                published.add(text(pom, "artifactId"));
            }
        }
        return published;
    }

    private static Element pom(Path dir) throws IOException, ParserConfigurationException, SAXException {
        Path file = dir.resolve("pom.xml");
        assertTrue(Files.isRegularFile(file), file::toString);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element optionalChild(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static Element child(Element parent, String name) {
        return Objects.requireNonNull(optionalChild(parent, name), () -> parent.getTagName() + " has no " + name);
    }

    /** The text of the child {@code name}, or "" when there is none. */
    private static String text(Element parent, String name) {
        Node child = optionalChild(parent, name);
        return child == null ? "" : child.getTextContent().strip();
    }
}
