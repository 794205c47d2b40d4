package mishmash.live.oscquery;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import mishmash.live.ChangesPerFrame;
import mishmash.live.Complaints;
import mishmash.live.Controls;
import mishmash.live.Param;
import mishmash.live.osc.OscServer;
import mishmash.net.http.Request;
import mishmash.net.http.Response;
import mishmash.net.http.WebServer;
import mishmash.net.http.WebSocket;

/**
 * OSCQuery for a sketch, on its {@link WebServer}: {@code GET /} (or any node's path) returns the
 * namespace as JSON, {@code ?VALUE} and the other attributes one attribute, {@code ?HOST_INFO}
 * the server's name, OSC port and transport and the extensions it supports. A WebSocket at the
 * same address takes {@code {"COMMAND":"LISTEN","DATA":"/mishmash/grid/psi"}} and {@code IGNORE},
 * and from then on streams the parameter's value as binary OSC whenever it changes, from any
 * source, at most once a frame (a slow client gets the newest value, never a backlog); binary OSC
 * sent on it plays the sketch as OSC over UDP does.
 *
 * <p>Errors as the proposal has them: 404 for a path with no node, 400 for an attribute that is
 * not one, 204 for one this node does not have (the {@code VALUE} of an action), 405 for anything
 * but GET or HEAD. Requests are answered from the values published at the end of the last frame,
 * on the server's threads: a request never touches, or waits for, the animation thread.
 */
public final class OscQueryServer implements AutoCloseable {
  private final WebServer web;
  private final Controls controls;
  private final OscServer osc;
  private final Namespace namespace;
  private final Complaints complaints;
  private final Map<WebSocket, Set<String>> listening = new ConcurrentHashMap<>();
  private ChangesPerFrame changes;
  private final ByteBuffer buffer = ByteBuffer.allocate(OscServer.MAX_PACKET);
  private final OSCSerializer serializer =
      new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(buffer));
  private final AtomicLong streamed = new AtomicLong();

  private OscQueryServer(WebServer web, Controls controls, OscServer osc) {
    this.web = web;
    this.controls = controls;
    this.osc = osc;
    this.namespace = new Namespace(controls.sketch(), controls.params());
    this.complaints = web.complaints();
  }

  /**
   * Serves {@code controls}' namespace on {@code web} (at "/" and below; other parts keep their own
   * routes) and streams its changes.
   *
   * @param osc the sketch's OSC server, named in HOST_INFO and handling OSC sent over the WebSocket;
   *     null when OSC is off
   */
  public static OscQueryServer start(WebServer web, Controls controls, OscServer osc) {
    OscQueryServer q = new OscQueryServer(web, controls, osc);
    web.routeTree("/", q::answer);
    web.webSocket("/", q.new Stream());
    q.changes = ChangesPerFrame.attach(controls, q::stream);
    return q;
  }

  public WebServer web() {
    return web;
  }

  /** Value messages sent to listening WebSockets so far. */
  public long streamed() {
    return streamed.get();
  }

  Response answer(Request r) {
    if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
      return Response.text(405, "OSCQuery answers GET").with("Allow", "GET, HEAD");
    }
    String attribute = attribute(r.query());
    if (attribute.equals("HOST_INFO")) {
      return Response.json(hostInfo());
    }
    Controls.State state = controls.state();
    if (attribute.isEmpty() && r.path().equals("/")) {
      return whole(state); // what clients poll: made once per change of the values
    }
    JsonObject node = namespace.node(r.path(), state);
    if (node == null) {
      return Response.text(404, "no OSC node at " + r.path() + "; GET / for the whole namespace");
    }
    if (attribute.isEmpty()) {
      return Response.json(node);
    }
    if (!Namespace.ATTRIBUTES.contains(attribute)) {
      return Response.text(400, "\"" + attribute + "\" is not an attribute this server knows; ?HOST_INFO lists them");
    }
    JsonElement value = node.get(attribute);
    if (value == null) {
      return Response.empty(204); // this node has no such attribute (the VALUE of an action, say)
    }
    JsonObject one = new JsonObject();
    one.add(attribute, value);
    return Response.json(one);
  }

  private volatile Object[] wholeCache = {null, null}; // {state, response}

  private Response whole(Controls.State state) {
    Object[] cached = wholeCache;
    if (cached[0] == state) {
      return (Response) cached[1];
    }
    Response r = Response.json(namespace.node("/", state));
    wholeCache = new Object[] {state, r};
    return r;
  }

  /** "VALUE" from "VALUE", "value", "VALUE=" or "VALUE&x"; "" for none. */
  private static String attribute(String query) {
    String q = query == null ? "" : query;
    int cut = q.length();
    for (char c : new char[] {'&', '='}) {
      int i = q.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return q.substring(0, cut).trim().toUpperCase(Locale.ROOT);
  }

  JsonObject hostInfo() {
    JsonObject info = new JsonObject();
    info.addProperty("NAME", "Mishmash " + controls.sketch());
    if (osc != null) {
      info.addProperty("OSC_PORT", osc.port());
      info.addProperty("OSC_TRANSPORT", osc.transport());
      if (osc.settings().network().isLocal()) {
        info.addProperty("OSC_IP", "127.0.0.1");
      }
    }
    JsonObject ext = new JsonObject();
    for (String a : List.of("ACCESS", "VALUE", "RANGE", "DESCRIPTION", "UNIT", "CLIPMODE", "LISTEN")) {
      ext.addProperty(a, true);
    }
    for (String a : List.of("TAGS", "EXTENDED_TYPE", "CRITICAL", "OVERLOADS", "HTML", "PATH_CHANGED", "PATH_RENAMED",
        "PATH_ADDED", "PATH_REMOVED")) {
      ext.addProperty(a, false);
    }
    info.add("EXTENSIONS", ext);
    return info;
  }

  /** At the start of a frame: what changed since the last one, to the WebSockets listening to it. */
  private void stream(Set<Param> changed) {
    if (listening.isEmpty()) {
      return;
    }
    for (Param p : changed) {
      String path = namespace.pathOf(p);
      byte[] message = null;
      for (Map.Entry<WebSocket, Set<String>> e : listening.entrySet()) {
        if (e.getValue().contains(path)) {
          if (message == null) {
            message = encode(path, Namespace.osc(p, p.base()));
          }
          e.getKey().sendLatest(path, message);
          streamed.incrementAndGet();
        }
      }
    }
  }

  private byte[] encode(String path, Object value) {
    synchronized (buffer) {
      buffer.clear();
      try {
        serializer.write(new OSCMessage(path, List.of(value)));
      } catch (Exception e) {
        throw new IllegalStateException("cannot write OSC for " + path, e);
      }
      buffer.flip();
      byte[] out = new byte[buffer.remaining()];
      buffer.get(out);
      return out;
    }
  }

  /** The WebSocket side: LISTEN and IGNORE in, OSC both ways. */
  private final class Stream implements WebSocket.Listener {
    @Override
    public void opened(WebSocket ws) {
      listening.put(ws, ConcurrentHashMap.newKeySet());
    }

    @Override
    public void text(WebSocket ws, String text) {
      String command;
      String data;
      try {
        JsonObject o = JsonParser.parseString(text).getAsJsonObject();
        command = o.get("COMMAND").getAsString();
        data = o.has("DATA") && o.get("DATA").isJsonPrimitive() ? o.get("DATA").getAsString() : "";
      } catch (RuntimeException e) {
        complaints.count("bad websocket message", "from " + ws.peer() + ": not {\"COMMAND\":...,\"DATA\":...}");
        return;
      }
      Set<String> paths = listening.get(ws);
      switch (command) {
        case "LISTEN" -> {
          Param p = namespace.paramAt(data);
          if (p == null) {
            complaints.count("bad websocket message", "LISTEN " + data + " from " + ws.peer() + ": no parameter there");
            return;
          }
          if (paths != null && paths.add(data)) {
            ws.sendLatest(data, encode(data, Namespace.osc(p, controls.state().value(p)))); // where it is now
          }
        }
        case "IGNORE" -> {
          if (paths != null) {
            paths.remove(data);
          }
        }
        default -> { } // other commands (ossia's START_OSC_STREAMING) need no answer here
      }
    }

    @Override
    public void binary(WebSocket ws, byte[] data) {
      if (osc == null) {
        complaints.count("bad websocket message", "OSC over the WebSocket from " + ws.peer() + ": OSC is off (--no-osc)");
        return;
      }
      osc.receive(data, "osc ws " + ws.peer().getAddress().getHostAddress(), ws::send);
    }

    @Override
    public void closed(WebSocket ws) {
      listening.remove(ws);
    }
  }

  @Override
  public void close() {
    changes.detach();
  }
}
