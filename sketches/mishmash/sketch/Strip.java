package mishmash.sketch;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import mishmash.files.AtomicFile;
import mishmash.model.Image;

/**
 * A print of a sweep along the dials, as Capricious Portraits hangs them: one row per dial, the
 * creature changing from left to right, the dial's name at the start of each row and its value over
 * each column, on paper-coloured ground, written as a PNG that says 300 dpi (a 400 px portrait is
 * 3.4 cm). Pictures are enlarged smoothly (bicubic) from the generator's size.
 */
public final class Strip {
  static final Color PAPER = new Color(236, 231, 216);
  static final Color INK = new Color(32, 30, 26);
  static final Color FADED = new Color(112, 106, 92);
  static final int DPI = 300;

  private Strip() {}

  public static BufferedImage draw(Image[][] pictures, List<String> rows, float[] values, String title, int cell) {
    int gap = Math.max(4, cell / 40);
    int margin = cell / 4;
    int label = rows.size() > 1 || !rows.get(0).isEmpty() ? (int) (cell * 0.75) : 0;
    int head = (int) (cell * 0.32);
    int titleH = title.isEmpty() ? 0 : (int) (cell * 0.22);
    int cols = values.length;
    int w = margin * 2 + label + cols * cell + (cols - 1) * gap;
    int h = margin * 2 + titleH + head + rows.size() * cell + (rows.size() - 1) * gap;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(PAPER);
    g.fillRect(0, 0, w, h);
    int x0 = margin + label;
    int y0 = margin + titleH + head;
    if (titleH > 0) {
      g.setColor(FADED);
      g.setFont(new Font(Card.FAMILY, Font.ITALIC, Math.max(10, cell / 12)));
      g.drawString(title, margin, margin + titleH / 2);
    }
    g.setColor(INK);
    g.setFont(new Font(Card.FAMILY, Font.PLAIN, Math.max(10, cell / 10)));
    for (int c = 0; c < cols; c++) {
      String v = String.format(Locale.ROOT, "%+.1f", values[c]).replace("+0.0", "0").replace("-0.0", "0");
      int tw = g.getFontMetrics().stringWidth(v);
      g.drawString(v, x0 + c * (cell + gap) + (cell - tw) / 2, y0 - head / 3);
    }
    g.setFont(new Font(Card.FAMILY, Font.BOLD, Math.max(10, cell / 9)));
    for (int r = 0; r < rows.size(); r++) {
      int y = y0 + r * (cell + gap);
      if (label > 0) {
        String name = rows.get(r);
        int tw = g.getFontMetrics().stringWidth(name);
        g.drawString(name, x0 - gap * 3 - tw, y + cell / 2 + g.getFontMetrics().getAscent() / 3);
      }
      for (int c = 0; c < cols; c++) {
        int x = x0 + c * (cell + gap);
        g.drawImage(pictures[r][c].toBufferedImage(), x, y, cell, cell, null);
        g.setColor(FADED);
        g.drawRect(x - 1, y - 1, cell + 1, cell + 1);
        g.setColor(INK);
      }
    }
    g.dispose();
    return out;
  }

  /** Draws the strip and writes it (a temporary file, then renamed) as a 300 dpi PNG. */
  public static void write(Path file, Image[][] pictures, List<String> rows, float[] values, String title, int cell)
      throws IOException {
    BufferedImage strip = draw(pictures, rows, values, title, cell);
    AtomicFile.write(file, stream -> {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
      try (ImageOutputStream out = ImageIO.createImageOutputStream(stream)) {
        writer.setOutput(out);
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(strip), null);
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        String perMetre = Integer.toString((int) Math.round(DPI / 0.0254));
        phys.setAttribute("pixelsPerUnitXAxis", perMetre);
        phys.setAttribute("pixelsPerUnitYAxis", perMetre);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        meta.mergeTree("javax_imageio_png_1.0", root);
        writer.write(new IIOImage(strip, null, meta));
      } finally {
        writer.dispose();
      }
    });
  }
}
