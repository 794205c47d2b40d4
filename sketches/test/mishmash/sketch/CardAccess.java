package mishmash.sketch;

import java.awt.font.FontRenderContext;

/** Tests outside the package: how the card sets a name. */
public final class CardAccess {
  private CardAccess() {}

  public static Lettering.Fitted name(String name, FontRenderContext frc) {
    return Card.name(name, frc);
  }
}
