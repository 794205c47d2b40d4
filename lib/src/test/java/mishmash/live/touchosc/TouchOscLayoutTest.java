package mishmash.live.touchosc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.InflaterInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import mishmash.live.Live;
import mishmash.live.Param;
import mishmash.live.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The .tosc file read back as TouchOSC reads it: inflate, parse the XML, find the controls. */
class TouchOscLayoutTest {
  enum Death { LEAST_RECENT, OLDEST_GENERATION, RANDOM, SWEEP }

  static class Grid {
    @Live(min = 0.1, max = 10, unit = " s") float interval = 1.0f;
    @Live(min = 0, max = 2) float mutation = 0.35f;
    @Live(min = 1, max = 16) int columns = 8;
    @Live Death death = Death.LEAST_RECENT;
    @Live boolean labels = true;

    @Live void breed() {}
  }

  @TempDir Path tmp;

  /** What a control sends: its type, address, argument conversion and range. */
  record Control(String type, String address, String conversion, double min, double max, boolean send, boolean receive) {}

  static Map<String, Control> controls(Document doc) {
    Map<String, Control> out = new HashMap<>();
    NodeList nodes = doc.getElementsByTagName("node");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element node = (Element) nodes.item(i);
      String type = node.getAttribute("type");
      if (!List.of("FADER", "BUTTON", "RADIO", "ENCODER", "XY").contains(type)) {
        continue;
      }
      Element osc = (Element) child(child(node, "messages"), "osc");
      Element path = (Element) child(osc, "path");
      Element argument = (Element) child(child(osc, "arguments"), "partial");
      out.put(property(node, "name"), new Control(type, text(child(child(path, "partial"), "value")),
          text(child(argument, "conversion")), Double.parseDouble(text(child(argument, "scaleMin"))),
          Double.parseDouble(text(child(argument, "scaleMax"))), text(child(osc, "send")).equals("1"),
          text(child(osc, "receive")).equals("1")));
    }
    return out;
  }

  static Node child(Node parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeName().equals(name)) {
        return n;
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getNodeName() + ">");
  }

  static String text(Node n) {
    return n.getTextContent().trim();
  }

  static String property(Element node, String key) {
    for (Node p = child(node, "properties").getFirstChild(); p != null; p = p.getNextSibling()) {
      if (p.getNodeName().equals("property") && text(child(p, "key")).equals(key)) {
        return text(child(p, "value"));
      }
    }
    throw new AssertionError("no property " + key);
  }

  static Document read(Path tosc) throws Exception {
    byte[] xml;
    try (InflaterInputStream in = new InflaterInputStream(Files.newInputStream(tosc))) {
      xml = in.readAllBytes();
    }
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  @Test
  void theLayoutHasOneControlPerParameterAtItsAddressInItsRange() throws Exception {
    Path file = tmp.resolve("grid.tosc");
    Params params = Params.of(new Grid());
    TouchOscLayout.write(file, "grid", params);
    Document doc = read(file);
    assertEquals("lexml", doc.getDocumentElement().getNodeName());
    assertEquals("3", doc.getDocumentElement().getAttribute("version"));
    Map<String, Control> controls = controls(doc);
    List<String> expected = new ArrayList<>();
    params.forEach(p -> expected.add(p.name()));
    params.actions().forEach(a -> expected.add(a.name()));
    assertEquals(expected.size(), controls.size(), controls.keySet().toString());
    for (Param p : params) {
      Control c = controls.get(p.name());
      assertEquals("/mishmash/grid/" + p.name(), c.address(), p.name());
      assertTrue(c.send(), p.name() + " sends");
      switch (p.kind()) {
        case NUMBER, WHOLE -> {
          assertEquals("FADER", c.type());
          assertEquals(p.min(), c.min(), 1e-9, p.name());
          assertEquals(p.max(), c.max(), 1e-9, p.name());
          assertEquals(p.kind() == Param.Kind.WHOLE ? "INTEGER" : "FLOAT", c.conversion());
          assertTrue(c.receive(), "a fader follows the feedback");
        }
        case TOGGLE -> {
          assertEquals("BUTTON", c.type());
          assertEquals(0, c.min());
          assertEquals(1, c.max());
        }
        case CHOICE -> {
          assertEquals("RADIO", c.type());
          assertEquals("INTEGER", c.conversion(), "the choice's index");
        }
      }
    }
    assertEquals(new Control("FADER", "/mishmash/grid/interval", "FLOAT", 0.1, 10, true, true), controls.get("interval"));
    assertEquals("BUTTON", controls.get("breed").type());
    assertEquals("/mishmash/grid/breed", controls.get("breed").address());
    NodeList nodes = doc.getElementsByTagName("node");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element n = (Element) nodes.item(i);
      if (n.getAttribute("type").equals("RADIO")) {
        assertEquals("4", property(n, "steps"), "one step per choice");
      }
    }
    assertTrue(TouchOscLayout.xml("grid", params).contains("<![CDATA[interval (s)]]>"), "labels with units");
    Path again = tmp.resolve("again.tosc");
    TouchOscLayout.write(again, "grid", params);
    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again), "the same parameters, the same file");
  }
}
