package mishmash.sketch;

/**
 * {@link MishmashSketch} under the name the Processing IDE looks for. The IDE takes a tab that holds a
 * whole class as plain Java (its "Java mode", nothing wrapped around it) only when that class extends
 * a class whose name ends in {@code PApplet}; the library's {@code .pde} examples therefore extend
 * this, and are otherwise the very files in {@code sketches/} (see {@code mishmash.library.Library}).
 */
public abstract class MishmashPApplet extends MishmashSketch {
}
