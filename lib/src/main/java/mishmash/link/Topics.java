package mishmash.link;

import java.util.Locale;

/**
 * The MQTT topics of several machines, readable by any MQTT tool (TouchDesigner, Node-RED, Max,
 * mosquitto_sub):
 * <pre>
 * mishmash/wall/grid                    the wall's grid, retained: {"columns":8,"rows":5,"cells":[seed,...],"births":N}
 * mishmash/wall/cell/INDEX              the creature in each cell, retained: {"index":{...},"picture":"PNG in base64"}
 * mishmash/booth/BOOTH/profile          a booth's visitor, QoS 2: {"index":{...},"picture":"...","sent":MILLIS}
 * mishmash/booth/BOOTH/received         the wall's receipt for one, QoS 1: the profile's number
 * </pre>
 */
public final class Topics {
  public static final String GRID = "mishmash/wall/grid";
  public static final String CELLS = "mishmash/wall/cell/";
  public static final String PROFILES = "mishmash/booth/+/profile";

  private Topics() {}

  public static String cell(int index) {
    return CELLS + index;
  }

  public static String profile(String booth) {
    return "mishmash/booth/" + booth + "/profile";
  }

  public static String received(String booth) {
    return "mishmash/booth/" + booth + "/received";
  }

  /**
   * A booth's name as it appears in topics: lower-case letters, digits and dashes, 1 to 40 of them.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static String booth(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    if (!n.matches("[a-z0-9][a-z0-9-]{0,39}")) {
      throw new IllegalArgumentException("\"" + name + "\" cannot name a booth: use up to 40 letters, digits and dashes");
    }
    return n;
  }

  /** The booth a profile topic comes from, or null if the topic is not one. */
  static String boothOf(String topic) {
    String[] p = topic.split("/");
    if (p.length != 4 || !p[0].equals("mishmash") || !p[1].equals("booth") || !p[3].equals("profile")) {
      return null;
    }
    try {
      return booth(p[2]);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
