package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Machines.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/** A robot arm: painted segments on bolted joints, and a gripper or a tool at the end. */
final class RobotArm {

  /**
   * An industrial robot arm: a base, two arm segments and a gripper. Each part is drawn in its
   * own coordinate system, with push()/translate()/rotate() so the next part hangs on its joint.
   */
  static void draw(PGraphics g, Random rnd, float lamp, Attributes about) {
    backdrop(g, rnd);
    int paint = pick(rnd, 0xFFE07A1A, 0xFFE3B020, 0xFFD8D4CC, 0xFF2E5C9A, 0xFFB8322A, 0xFF3E7A4A, 0xFF2A2B2E, 0xFFE8E8E4);
    g.push();
    // the arm stands on the floor, hangs from the ceiling or reaches out of a wall, near or far
    camera(g, rnd, about, 0.8f, 1.6f, false, 60, PI);
    float upper = range(rnd, 95, 118);
    float fore = range(rnd, 80, 100);
    float a1 = 0;
    float a2 = 0;
    float a3 = 0;
    float bx = 128;
    // try a few poses until the whole arm is in the picture
    for (int tries = 0; tries < 20; tries++) {
      bx = range(rnd, 60, 196);
      a1 = range(rnd, -0.9f, 0.9f);
      a2 = (bx < 128 ? 1 : -1) * range(rnd, 0.6f, 1.9f);
      a3 = range(rnd, -1, 1);
      float ex = bx + sin(a1) * upper + sin(a1 + a2) * fore;
      float ey = 205 - cos(a1) * upper - cos(a1 + a2) * fore;
      float elbowY = 205 - cos(a1) * upper;
      if (ex > 35 && ex < 221 && ey > 40 && ey < 190 && elbowY > 20) {
        break;
      }
    }
    // floor shadow and base
    g.fill(0, 90);
    g.ellipse(bx + 6, 244, 110, 18);
    g.push();
    g.translate(bx, 205);
    cylinder(g, 76, 20, 42, darker(paint, 0.2f));
    g.fill(darker(paint, 0.45f));
    g.rect(-46, 38, 92, 10, 3);
    cylinder(g, 52, -4, 22, DARK_STEEL);
    // the upper arm, with a hydraulic piston alongside
    g.rotate(a1);
    g.push();
    g.translate(24, 10);
    g.rotate(-0.12f);
    cylinder(g, 12, 0, -upper * 0.45f, darker(paint, 0.3f));
    cylinder(g, 6, -upper * 0.45f, -upper * 0.75f, CHROME);
    g.pop();
    armSegment(g, rnd, 38, upper, paint);
    joint(g, rnd, 0, 0, 30, paint);
    // the forearm hangs on the elbow
    g.translate(0, -upper);
    g.rotate(a2);
    armSegment(g, rnd, 30, fore, paint);
    joint(g, rnd, 0, 0, 25, paint);
    // the wrist and the gripper
    g.translate(0, -fore);
    g.rotate(a3);
    cylinder(g, 18, 0, -16, DARK_STEEL);
    joint(g, rnd, 0, 0, 14, DARK_STEEL);
    float grip = range(rnd, 4, 14);
    for (int side = -1; side <= 1; side += 2) {
      g.fill(darker(STEEL, 0.2f));
      g.stroke(darker(STEEL, 0.6f));
      g.strokeWeight(1);
      g.beginShape();
      g.vertex(side * 4, -14);
      g.vertex(side * (grip + 10), -20);
      g.vertex(side * (grip + 6), -40);
      g.vertex(side * (grip + 2), -40);
      g.vertex(side * (grip + 4), -24);
      g.vertex(side * 2, -20);
      g.endShape(CLOSE);
      g.noStroke();
    }
    cylinder(g, 26, -12, -18, STEEL);
    g.pop();
    // a cable hanging from the base
    cable(g, rnd, bx + 30, 235, bx > 128 ? -10 : 266, range(rnd, 200, 250), 0xFF1A1A1A);
    g.pop();
    about.put("material", "paint").put("gears", 0).put("parts", 6);
  }

  /** One arm segment: a painted beam with rounded ends, standing along -y from the joint. */
  static void armSegment(PGraphics g, Random rnd, float w, float len, int paint) {
    g.fill(0, 80);
    g.rect(-w / 2 + 5, -len + 6, w, len, w / 2);
    cylinder(g, w, -len, 0, paint);
    g.fill(darker(paint, 0.5f), 150);
    g.rect(-w * 0.2f, -len * 0.7f, w * 0.4f, len * 0.4f, 3);
  }

  /** A joint: a metal disc with a ring of bolts. */
  static void joint(PGraphics g, Random rnd, float x, float y, float r, int paint) {
    g.fill(darker(paint, 0.3f));
    g.ellipse(x, y, r * 2.2f, r * 2.2f);
    metalDisc(g, x, y, r * 1.7f, STEEL, -2.3f);
    for (int i = 0; i < 6; i++) {
      float a = TWO_PI * i / 6;
      g.fill(darker(STEEL, 0.6f));
      g.ellipse(x + cos(a) * r * 0.6f, y + sin(a) * r * 0.6f, r * 0.22f, r * 0.22f);
    }
    g.fill(0xFF1A1A1C);
    g.ellipse(x, y, r * 0.5f, r * 0.5f);
  }

  private RobotArm() {
  }
}
