package mishmash.sketch;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.nio.file.Paths;
import mishmash.live.touchosc.TouchOscLayout;

/** {@code --touchosc FILE}: writes the sketch's TouchOSC layout from its live parameters, without starting it. */
final class TouchOsc {
  private TouchOsc() {}

  /** Returns the exit code: 0 written, 1 not. */
  static int write(Class<? extends MishmashSketch> type, String[] args) {
    MishmashSketch sketch;
    try {
      sketch = type.getDeclaredConstructor().newInstance();
    } catch (InstantiationException | IllegalAccessException | NoSuchMethodException | InvocationTargetException e) {
      System.err.println("mishmash: cannot create " + type.getSimpleName() + ": " + e);
      return 1;
    }
    sketch.args = args;
    String file = sketch.option("--touchosc", sketch.name() + ".tosc");
    Path path = Paths.get(file.endsWith(".tosc") ? file : file + ".tosc");
    try {
      TouchOscLayout.write(path, sketch.name(), sketch.params());
    } catch (IOException e) {
      System.err.println("mishmash: cannot write the TouchOSC layout " + path + ": " + e.getMessage());
      return 1;
    }
    System.out.println("wrote " + path + ": " + sketch.params().size() + " parameters and "
        + sketch.params().actions().size() + " actions of " + sketch.name() + " at /mishmash/" + sketch.name()
        + "/... (in TouchOSC: open it; connection OSC, this computer's address, send port 8000, receive port 9000)");
    return 0;
  }
}
