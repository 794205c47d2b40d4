package mishmash.live.osc;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.argument.OSCImpulse;
import com.illposed.osc.argument.OSCSymbol;
import java.util.List;
import java.util.Locale;
import mishmash.live.Change;
import mishmash.live.Params;

/**
 * The address space, in one place. For a sketch named {@code grid}:
 * <pre>
 * /mishmash/grid/mutation 0.8          set a parameter, in its own units (clamped to its range)
 * /mishmash/grid/death "random"        a choice or toggle by name ("on", "off") — or by number
 * /mishmash/grid/mutation/norm 0.5     set it on a 0..1 scale over its range (for faders)
 * /mishmash/grid/psi/lfo sine 0.1 0.3  modulate: lfo SHAPE RATE DEPTH, drift RATE DEPTH, still
 * /mishmash/grid/latent/12 1.5         set latent dimension 12
 * /mishmash/grid/dial/age 0.3          a parameter of a group (the model's dials), with /norm, /lfo... as above
 * /mishmash/grid/breed [1]             run an action (a value below 0.5 is a button's release: ignored; I or N: a press)
 * /mishmash/grid/preset/recall "calm" 4   crossfade to a preset over 4 s
 * /mishmash/grid/preset/save "calm"
 * /mishmash/grid/list                  reply: one /mishmash/grid/param per parameter, then /mishmash/grid/list/end
 * /mishmash/grid/subscribe [port]      send me every change (to my address, at port or my source port)
 * /mishmash/grid/unsubscribe [port]    stop what this sender subscribed (and my address at port)
 * /mishmash/ping                       reply: /mishmash/pong
 * </pre>
 * Values may be float, double, int, long, true/false or a string; anything else is a wrong type.
 */
final class OscRoutes {
  enum Kind { CONTROL, LIST, PING, SUBSCRIBE, UNSUBSCRIBE, PRESET_SAVE, PRESET_RECALL, BAD }

  /** Where a message leads: a change to submit, a query to answer, or why it was refused. */
  record Route(Kind kind, Change change, String name, double value, String problem, String detail) {
    static Route bad(String problem, String detail) {
      return new Route(Kind.BAD, null, null, 0, problem, detail);
    }

    static Route of(Kind kind, String name, double value) {
      return new Route(kind, null, name, value, null, null);
    }

    static Route control(Change c) {
      return new Route(Kind.CONTROL, c, null, 0, null, null);
    }
  }

  private final String prefix;
  private final Params params;

  OscRoutes(String sketch, Params params) {
    this.prefix = "/mishmash/" + sketch + "/";
    this.params = params;
  }

  String prefix() {
    return prefix;
  }

  Route route(OSCMessage m, String source) {
    String address = m.getAddress();
    List<Object> args = m.getArguments();
    if (address.equals("/mishmash/ping")) {
      return Route.of(Kind.PING, null, 0);
    }
    if (!address.startsWith(prefix)) {
      return Route.bad("unknown address", address + " (this sketch answers " + prefix + "...)");
    }
    String[] path = address.substring(prefix.length()).split("/", -1);
    String head = path[0];
    switch (path.length == 1 ? head : head + "/" + path[1]) {
      case "list" -> {
        return Route.of(Kind.LIST, null, 0);
      }
      case "subscribe", "unsubscribe" -> {
        double port = args.isEmpty() ? 0 : number(args.get(0));
        return Double.isFinite(port) && port >= 0 && port < 65536
            ? Route.of(head.equals("subscribe") ? Kind.SUBSCRIBE : Kind.UNSUBSCRIBE, null, (int) port)
            : Route.bad("wrong type", address + " wants a port number");
      }
      case "preset/save", "preset/recall" -> {
        if (args.isEmpty() || !(args.get(0) instanceof String || args.get(0) instanceof OSCSymbol)) {
          return Route.bad("wrong type", address + " wants a preset name (a string)");
        }
        double seconds = args.size() > 1 ? number(args.get(1)) : 0;
        return Double.isFinite(seconds)
            ? Route.of(head.equals("preset") && path[1].equals("save") ? Kind.PRESET_SAVE : Kind.PRESET_RECALL,
                args.get(0).toString(), seconds)
            : Route.bad("not a number", address + " seconds " + args.get(1));
      }
      default -> { }
    }
    if (head.equals("latent") && path.length == 2) {
      int index;
      try {
        index = Integer.parseInt(path[1]);
      } catch (NumberFormatException e) {
        return Route.bad("unknown address", address + " (latent/<index>, a whole number)");
      }
      return one(address, args, v -> Change.latent(index, v, source));
    }
    if (path.length == 1 && params.action(head) != null) {
      if (args.isEmpty()) {
        return Route.control(Change.action(head, source));
      }
      Object a = args.get(0);
      if (a == null || a instanceof OSCImpulse) {
        return Route.control(Change.action(head, source)); // OSC 1.1's impulse, or nil: a press
      }
      double v = number(a);
      return Double.isNaN(v) ? Route.bad("wrong type", address + " " + typeOf(a))
          : Route.control(new Change(Change.Type.ACTION, head, v, null, source));
    }
    int used = 1; // path segments the parameter's name takes: two for one of a group (dial/age)
    if (params.get(head) == null && path.length >= 2 && params.get(head + "/" + path[1]) != null) {
      head = head + "/" + path[1];
      used = 2;
    }
    if (params.get(head) == null) {
      return Route.bad("unknown address", address + "; " + prefix + " has " + params);
    }
    String name = head;
    if (path.length == used) {
      if (args.size() == 1 && (args.get(0) instanceof String || args.get(0) instanceof OSCSymbol)) {
        return Route.control(new Change(Change.Type.SET, name, Double.NaN, args.get(0).toString(), source));
      }
      return one(address, args, v -> Change.set(name, v, source));
    }
    if (path.length == used + 1) {
      switch (path[used]) {
        case "norm" -> {
          return one(address, args, v -> Change.norm(name, v, source));
        }
        case "lfo", "drift", "still" -> {
          StringBuilder text = new StringBuilder(path[used]);
          for (Object a : args) {
            text.append(' ').append(a instanceof Number || a instanceof String || a instanceof OSCSymbol ? a : "?");
          }
          return Route.control(new Change(Change.Type.MODULATE, name, 0, text.toString().toLowerCase(Locale.ROOT),
              source));
        }
        default -> { }
      }
    }
    return Route.bad("unknown address", address);
  }

  private interface Make {
    Change make(double value);
  }

  /** Exactly one numeric argument. */
  private static Route one(String address, List<Object> args, Make make) {
    if (args.size() != 1) {
      return Route.bad("wrong type", address + " wants one value, got " + args.size());
    }
    double v = number(args.get(0));
    if (Double.isNaN(v) && !(args.get(0) instanceof Float || args.get(0) instanceof Double)) {
      return Route.bad("wrong type", address + " wants a number, got " + typeOf(args.get(0)));
    }
    return Route.control(make.make(v)); // NaN and infinity are refused, with a count, when applied
  }

  /** A number from an OSC argument: numbers, booleans as 1/0; NaN for anything else. */
  static double number(Object a) {
    if (a instanceof Number n) {
      return n.doubleValue();
    }
    if (a instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return Double.NaN;
  }

  private static String typeOf(Object a) {
    return a == null ? "nil" : a.getClass().getSimpleName();
  }
}
