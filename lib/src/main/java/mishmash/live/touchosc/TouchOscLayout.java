package mishmash.live.touchosc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import mishmash.files.AtomicFile;
import mishmash.live.Action;
import mishmash.live.Param;
import mishmash.live.Params;

/**
 * A TouchOSC layout for a sketch, made from its {@code @Live} declarations: one row per parameter
 * and action, its name on the left and a control on the right, each control sending to the
 * parameter's own address in its own range and following the sketch's feedback.
 *
 * <ul>
 *   <li>a number: a fader sending {@code /mishmash/grid/mutation} from its min to its max (a whole
 *       number in whole steps);</li>
 *   <li>a toggle: a toggle button sending 1 and 0;</li>
 *   <li>a choice: a radio with one step per choice, sending the choice's index, and a label that
 *       shows the choice's name as the sketch feeds it back;</li>
 *   <li>an action: a button (its release, a 0, is ignored by the sketch).</li>
 * </ul>
 *
 * A {@code .tosc} file is TouchOSC's XML ({@code <lexml version='3'>}: nodes with properties,
 * values and OSC messages), zlib-compressed. The same declarations give the same file, byte for
 * byte. In TouchOSC: open it, and set the OSC connection to the computer's address, send port
 * 8000, receive port 9000.
 */
public final class TouchOscLayout {
  static final int WIDTH = 1024;
  static final int ROW = 64;
  static final int TITLE = 56;
  static final int PAD = 12;
  static final int LABEL_W = 300;

  private final String sketch;
  private final Params params;
  private final StringBuilder xml = new StringBuilder();

  private TouchOscLayout(String sketch, Params params) {
    this.sketch = sketch;
    this.params = params;
  }

  /** Writes the layout of {@code params}, for the sketch called {@code sketch} in addresses, to {@code file}. */
  public static void write(Path file, String sketch, Params params) throws IOException {
    byte[] plain = xml(sketch, params).getBytes(StandardCharsets.UTF_8);
    AtomicFile.write(file, out -> {
      DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION));
      z.write(plain);
      z.finish();
    });
  }

  /** The layout as TouchOSC's uncompressed XML. */
  public static String xml(String sketch, Params params) {
    return new TouchOscLayout(sketch, params).build();
  }

  private String build() {
    int rows = params.size() + params.actions().size();
    int height = TITLE + rows * ROW + PAD;
    xml.append("<?xml version='1.0' encoding='UTF-8'?>\n<lexml version='3'>\n");
    open("GROUP", "root");
    properties(() -> {
      common("mishmash " + sketch, 0, 0, WIDTH, height, false);
      colour("color", 0.06, 0.07, 0.06, 1);
    });
    xml.append("<children>\n");
    label("title", "Mishmash · " + sketch, PAD, PAD / 2, WIDTH - 2 * PAD, TITLE - PAD, 22, null);
    int y = TITLE;
    for (Param p : params) {
      label(p.name() + " label", p.name() + unitSuffix(p), PAD, y + 6, LABEL_W, ROW - 12, 18, null);
      int x = PAD + LABEL_W + PAD;
      int w = WIDTH - x - PAD;
      String address = "/mishmash/" + sketch + "/" + p.name();
      switch (p.kind()) {
        case NUMBER, WHOLE -> fader(p, address, x, y + 8, w, ROW - 16);
        case TOGGLE -> button(p.name(), address, 2, x, y + 8, Math.min(w, 160), ROW - 16);
        case CHOICE -> {
          int labelW = 220;
          radio(p, address, x, y + 8, w - labelW - PAD, ROW - 16);
          label(p.name() + " value", p.text(p.get()), x + w - labelW, y + 8, labelW, ROW - 16, 16, address);
        }
      }
      y += ROW;
    }
    for (Action a : params.actions()) {
      label(a.name() + " label", a.name(), PAD, y + 6, LABEL_W, ROW - 12, 18, null);
      button(a.name(), "/mishmash/" + sketch + "/" + a.name(), 0, PAD + LABEL_W + PAD, y + 8, 160, ROW - 16);
      y += ROW;
    }
    xml.append("</children>\n");
    close();
    xml.append("</lexml>\n");
    return xml.toString();
  }

  private static String unitSuffix(Param p) {
    String u = p.unit().trim();
    return u.isEmpty() ? "" : " (" + u + ")";
  }

  private void fader(Param p, String address, int x, int y, int w, int h) {
    open("FADER", p.name());
    properties(() -> {
      common(p.name(), x, y, w, h, true);
      colour("color", 1.0, 0.77, 0.35, 1);
      property("i", "orientation", "1"); // left to right
      property("b", "bar", "1");
      property("b", "cursor", "1");
      boolean steps = p.kind() == Param.Kind.WHOLE && p.max() - p.min() <= 64;
      property("b", "grid", steps ? "1" : "0");
      property("i", "gridSteps", steps ? Long.toString(Math.round(p.max() - p.min())) : "10");
      property("i", "response", "0");
      property("i", "responseFactor", "100");
    });
    values(num(p.normalized()));
    osc(address, true, true, p.kind() == Param.Kind.WHOLE ? "INTEGER" : "FLOAT", p.min(), p.max());
    close();
  }

  private void radio(Param p, String address, int x, int y, int w, int h) {
    open("RADIO", p.name());
    properties(() -> {
      common(p.name(), x, y, w, h, true);
      colour("color", 1.0, 0.77, 0.35, 1);
      property("i", "orientation", "1");
      property("i", "radioType", "0");
      property("i", "steps", Integer.toString(p.choices().size()));
    });
    values(Long.toString(Math.round(p.get())));
    // sends the index; the sketch feeds back the name, which the label beside it shows
    osc(address, true, false, "INTEGER", 0, 1);
    close();
  }

  /** @param type 0 momentary (an action), 2 a toggle that flips on press */
  private void button(String name, String address, int type, int x, int y, int w, int h) {
    open("BUTTON", name);
    properties(() -> {
      common(name, x, y, w, h, true);
      colour("color", type == 0 ? 0.55 : 1.0, type == 0 ? 0.8 : 0.77, type == 0 ? 0.6 : 0.35, 1);
      property("i", "buttonType", Integer.toString(type));
      property("b", "press", "1");
      property("b", "release", "1");
      property("b", "valuePosition", "0");
    });
    values("0");
    osc(address, true, type != 0, "FLOAT", 0, 1);
    close();
  }

  /** A label; with {@code receive}, its text follows that address's string feedback. */
  private void label(String name, String text, int x, int y, int w, int h, int size, String receive) {
    open("LABEL", name);
    properties(() -> {
      common(name, x, y, w, h, false);
      colour("color", 0, 0, 0, 0);
      property("i", "font", "0");
      property("i", "textAlignH", "1"); // left
      property("i", "textAlignV", "2");
      property("b", "textClip", "1");
      colour("textColor", 0.87, 0.85, 0.78, 1);
      property("i", "textLength", "0");
      property("i", "textSize", Integer.toString(size));
    });
    xml.append("<values>\n");
    value("text", text);
    value("touch", "false");
    xml.append("</values>\n");
    if (receive != null) {
      xml.append("<messages>\n<osc>\n<enabled>1</enabled>\n<send>0</send>\n<receive>1</receive>\n<feedback>0</feedback>\n")
          .append("<connections>00001</connections>\n<triggers>\n<trigger>\n<var>").append(cdata("text"))
          .append("</var>\n<condition>ANY</condition>\n</trigger>\n</triggers>\n");
      path(receive);
      xml.append("<arguments>\n");
      partial("VALUE", "STRING", "text", 0, 1);
      xml.append("</arguments>\n</osc>\n</messages>\n");
    }
    close();
  }

  private void osc(String address, boolean send, boolean receive, String conversion, double min, double max) {
    xml.append("<messages>\n<osc>\n<enabled>1</enabled>\n<send>").append(send ? 1 : 0).append("</send>\n<receive>")
        .append(receive ? 1 : 0).append("</receive>\n<feedback>0</feedback>\n<connections>00001</connections>\n")
        .append("<triggers>\n<trigger>\n<var>").append(cdata("x")).append("</var>\n<condition>ANY</condition>\n")
        .append("</trigger>\n</triggers>\n");
    path(address);
    xml.append("<arguments>\n");
    partial("VALUE", conversion, "x", min, max);
    xml.append("</arguments>\n</osc>\n</messages>\n");
  }

  private void path(String address) {
    xml.append("<path>\n");
    partial("CONSTANT", "STRING", address, 0, 1);
    xml.append("</path>\n");
  }

  private void partial(String type, String conversion, String value, double min, double max) {
    xml.append("<partial>\n<type>").append(type).append("</type>\n<conversion>").append(conversion)
        .append("</conversion>\n<value>").append(cdata(value)).append("</value>\n<scaleMin>").append(num(min))
        .append("</scaleMin>\n<scaleMax>").append(num(max)).append("</scaleMax>\n</partial>\n");
  }

  private void open(String type, String name) {
    // the same sketch gives the same IDs, so a layout written again is the same file
    UUID id = UUID.nameUUIDFromBytes(("mishmash/" + sketch + "/" + type + "/" + name).getBytes(StandardCharsets.UTF_8));
    xml.append("<node ID='").append(id).append("' type='").append(type).append("'>\n");
  }

  private void close() {
    xml.append("</node>\n");
  }

  private void properties(Runnable body) {
    xml.append("<properties>\n");
    body.run();
    xml.append("</properties>\n");
  }

  private void common(String name, int x, int y, int w, int h, boolean interactive) {
    property("b", "background", "1");
    property("f", "cornerRadius", "1");
    xml.append("<property type='r'>\n<key>").append(cdata("frame")).append("</key>\n<value>\n<x>").append(x)
        .append("</x>\n<y>").append(y).append("</y>\n<w>").append(w).append("</w>\n<h>").append(h)
        .append("</h>\n</value>\n</property>\n");
    property("b", "grabFocus", interactive ? "1" : "0");
    property("b", "interactive", interactive ? "1" : "0");
    property("b", "locked", "0");
    xml.append("<property type='s'>\n<key>").append(cdata("name")).append("</key>\n<value>").append(cdata(name))
        .append("</value>\n</property>\n");
    property("b", "outline", "1");
    property("i", "outlineStyle", "1");
    property("i", "pointerPriority", "0");
    property("i", "shape", "1");
    property("b", "visible", "1");
  }

  private void property(String type, String key, String value) {
    xml.append("<property type='").append(type).append("'>\n<key>").append(cdata(key)).append("</key>\n<value>")
        .append(value).append("</value>\n</property>\n");
  }

  private void colour(String key, double r, double g, double b, double a) {
    xml.append("<property type='c'>\n<key>").append(cdata(key)).append("</key>\n<value>\n<r>").append(num(r))
        .append("</r>\n<g>").append(num(g)).append("</g>\n<b>").append(num(b)).append("</b>\n<a>").append(num(a))
        .append("</a>\n</value>\n</property>\n");
  }

  private void values(String x) {
    xml.append("<values>\n");
    value("touch", "false");
    value("x", x);
    xml.append("</values>\n");
  }

  private void value(String key, String dflt) {
    xml.append("<value>\n<key>").append(cdata(key)).append("</key>\n<locked>0</locked>\n")
        .append("<lockedDefaultCurrent>0</lockedDefaultCurrent>\n<default>").append(cdata(dflt))
        .append("</default>\n<defaultPull>0</defaultPull>\n</value>\n");
  }

  private static String cdata(String text) {
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
  }

  private static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.6g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
