package mishmash.dials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import mishmash.live.Param;
import mishmash.live.Params;
import mishmash.model.Manifest;
import mishmash.model.ModelException;
import mishmash.model.Styles;

/**
 * A model's dials as live parameters: declared once in a sketch,
 *
 * <pre>
 * &#64;Live DialBoard dial = dials();   // dial/age, dial/smile, ... for the model the sketch runs
 * </pre>
 *
 * each dial of the model's {@code dials.json} becomes the live parameter {@code dial/<name>}
 * (OSC {@code /mishmash/grid/dial/age 0.3}, a panel slider, a MIDI knob, presets, recordings), from
 * −3 to 3, 0 at the start. The sketch reads them where it draws: {@link #apply} turns styles (the
 * mirror, the portraits), {@link #latentOffset} shifts genomes (the archive grid's newborns).
 *
 * <p>The dials file is read when the registry is built, before the first frame, for the model the
 * command line names. A model without dials gives no parameters, and a dials file made for another
 * generator gives none and a {@link #problem()} that says how to make the right one; the sketch runs
 * on either way. Values belong to the animation thread: copy them ({@link #values()}) for work on
 * another thread.
 */
public final class DialBoard implements Params.Group {
  /** Seconds a dial's change takes to settle: a stepped MIDI knob still turns the face smoothly. */
  static final double SMOOTH = 0.3;

  private final Supplier<Path> modelFolder;
  private Dials dials;
  private float[] values = new float[0];
  private String problem;

  /** @param modelFolder the folder of the model the sketch will load, asked for when the registry is built */
  public DialBoard(Supplier<Path> modelFolder) {
    this.modelFolder = modelFolder;
  }

  @Override
  public List<Param> params(String prefix) {
    dials = null;
    values = new float[0];
    try {
      Path folder = modelFolder.get();
      Path file = folder.resolve(Dials.FILE);
      if (Files.isRegularFile(file)) {
        dials = Dials.read(file, Manifest.read(folder));
        values = new float[dials.size()];
      } else {
        problem = "model \"" + folder.getFileName() + "\" has no dials yet; make them with "
            + Dials.remake(folder.getFileName().toString());
      }
    } catch (ModelException e) {
      problem = e.getMessage() + " (the sketch runs without dials)";
    }
    List<Param> out = new ArrayList<>();
    for (int i = 0; dials != null && i < dials.size(); i++) {
      Dials.Dial d = dials.dials().get(i);
      out.add(Param.number(prefix + "/" + d.name(), values, i, dials.min(), dials.max(), "", d.description(), SMOOTH));
    }
    return out;
  }

  /** The dials, or null when the model has none (or they were refused). */
  public Dials dials() {
    return dials;
  }

  /** Why there are no dials, or null. */
  public String problem() {
    return problem;
  }

  /** A copy of the dials' values now, in the order of {@link Dials#dials()}. */
  public float[] values() {
    return values.clone();
  }

  /** True when any dial is away from 0. */
  public boolean turned() {
    for (float v : values) {
      if (v != 0) {
        return true;
      }
    }
    return false;
  }

  /** The styles turned by the dials as they are now; unchanged without dials. */
  public Styles apply(Styles styles) {
    return dials == null ? styles : dials.apply(styles, values());
  }

  /** The z offset of the dials as they are now (for genomes), or null when none is turned. */
  public float[] latentOffset() {
    return dials == null ? null : dials.latentOffset(values());
  }
}
