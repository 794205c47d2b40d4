package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static processing.core.PApplet.*;

import java.awt.Color;
import java.util.Random;

/**
 * Who a face is: every choice that makes one person and one photograph of them, taken from the
 * seed in this order. {@link Faces} draws it; {@link #attributes} names it for attributes.jsonl.
 * Change a field after it is made (p.yaw = 1) to see the same person another way.
 */
final class Person {

  // ---- Palettes: change a colour, add one, take one out. Colours are 0xAARRGGBB. ----

  /** Skin tones over the whole human range, from very light (first) to very dark (last); faces mix neighbours. */
  static final int[] SKIN = {0xFFF6DCC8, 0xFFEEC9AE, 0xFFE5B795, 0xFFDBA682, 0xFFCD946A, 0xFFBD8358,
      0xFFA87049, 0xFF92603C, 0xFF7D4F31, 0xFF684029, 0xFF553322, 0xFF43291C, 0xFF332017};

  /** Natural hair colours, from black to blond and red. The first three are the dark ones that darker skin mostly comes with. */
  static final int[] HAIR = {0xFF141010, 0xFF261B16, 0xFF3A281D, 0xFF563926, 0xFF7A5433, 0xFFA47C4C, 0xFFC9A66C,
      0xFFE0C895, 0xFF853A1E, 0xFFB25A2E};

  /** Grey and white, which hair turns with age. */
  static final int GREY = 0xFFA8A6A2, WHITE = 0xFFE8E6E0;

  /** Dyed hair, for a few faces (5 in 100). */
  static final int[] DYED_HAIR = {0xFFC8508C, 0xFF3E6EC0, 0xFF6A4FB0, 0xFF2F9C86, 0xFFE04A3A, 0xFFEDE6F0};

  /** Eye colours. The first three are the dark browns. */
  static final int[] IRIS = {0xFF2E1A0E, 0xFF4A2C18, 0xFF5E3A20, 0xFF7A5028, 0xFF58703A, 0xFF4A7DB8,
      0xFF6F8494, 0xFF8E6A3A, 0xFF3A6A90};

  /** Lipstick. */
  static final int[] LIPSTICK = {0xFFB01E32, 0xFFD05078, 0xFF7A2034, 0xFFC8605A, 0xFF902848};

  // ---- The choices, with their names in attributes.jsonl ----

  /** Moods: each sets the smile, how open the mouth and eyes are, and the brows. */
  static final String[] MOODS = {"neutral", "smile", "grin", "laugh", "talk", "surprise", "sad", "angry", "shout", "sleepy"};

  /** Hair styles (a hat hides most of the hair). */
  static final String[] HAIR_STYLES = {"bald", "buzz", "short", "side part", "fringe", "bob", "long", "ponytail", "bun",
      "curly", "afro", "receding"};

  static final String[] BEARDS = {"none", "stubble", "moustache", "goatee", "full"};
  static final String[] HATS = {"none", "beanie", "cap"};
  static final String[] CLOTHES = {"t-shirt", "v-neck", "shirt", "jacket", "sweater", "hoodie", "turtleneck", "straps"};
  static final String[] BACKDROPS = {"studio", "plain", "bokeh", "room", "outdoors", "dark"};
  static final String[] FRAMES = {"round", "square", "cat-eye", "aviator", "rimless"};

  /** The farthest a head turns (yaw), nods (pitch) and tilts (roll), in radians. */
  static final float MAX_YAW = radians(34), MAX_PITCH = radians(14), MAX_ROLL = radians(9);

  // who
  float age;          // 0 a child of about four, 0.25 a young adult, 0.5 about forty-five, 1 very old
  float masculine;    // 0 … 1: jaw, brows and beard follow it; children are in between
  float skinTone;     // 0 lightest … 1 darkest
  int skin;
  int iris;
  boolean freckles;
  // pose and expression
  float yaw;          // -1 … 1: the head turns towards the picture's left (-1) or right (1)
  float pitch;        // -1 … 1: chin down … chin up
  float roll;         // -1 … 1: the head tilts
  float gaze;         // -1 … 1: where the eyes look, left to right
  String mood;
  float smile;        // -1 frown … 1 broad smile
  float mouthOpen;    // 0 closed … 1 wide open
  float round;        // 0 a wide opening … 1 a round "oh"
  float eyesOpen;     // 0 shut … 1 wide open
  float browRaise;    // -1 lowered (angry) … 1 raised (surprised); sad raises only the inner ends
  boolean sadBrows;
  // hair, beard and things worn
  String hairStyle;
  float hairLength;   // 0 none … 1 long past the shoulders
  float curl;         // 0 straight … 1 tight curls
  float grey;         // 0 none … 1 white
  int hair;
  float part;         // where the hair parts, -1 … 1 across the head
  float hairline;     // 0 low on the forehead … 1 far back
  String beard;
  String hat;
  int hatColour;
  boolean glasses;
  boolean sunglasses;
  String frame;
  int frameColour;
  boolean earrings;
  boolean hoops;      // hoops or studs
  boolean lipstick;
  int lips;
  String clothes;
  int cloth;
  // the photograph
  String backdrop;
  int backdropColour;
  float light;        // -1 … 1: where the lamp is, from the left to the right
  float contrast;     // 0.5 soft … 1.3 hard light
  int lamp;           // the colour of the light
  float scale;        // how large the head is in the picture
  float x, y;         // -1 … 1: where the head is, around the middle

  // the face's build, in the units of the 256 × 256 canvas
  float hw, hh, jaw;               // half width and height of the head; how much it narrows to the chin
  float eyeX, eyeY, eyeW, eyeH;    // eyes: distance from the middle, height, size
  float browY, browThick;
  float noseY, noseW, noseLength;  // tip of the nose; its width and how far it stands out
  float mouthY, mouthW, lipsFull;
  float earSize;

  Person(Random rnd) {
    age = chance(rnd, 0.15f) ? range(rnd, 0, 0.2f) : 0.15f + 0.85f * pow(rnd.nextFloat(), 1.4f);   // more young adults than old
    float sex = chance(rnd, 0.5f) ? range(rnd, 0.65f, 1) : range(rnd, 0, 0.35f);
    masculine = lerp(0.5f, sex, constrain(map(age, 0, 0.22f, 0.25f, 1), 0, 1));
    skinTone = rnd.nextFloat();
    skin = vary(rnd, tone(skinTone), 6);
    boolean darkFeatures = chance(rnd, map(skinTone, 0, 1, 0.2f, 0.97f));
    iris = IRIS[rnd.nextInt(darkFeatures ? 3 : IRIS.length)];
    freckles = skinTone < 0.35f && chance(rnd, 0.2f);

    yaw = chance(rnd, 0.4f) ? range(rnd, -0.3f, 0.3f) : range(rnd, -1, 1);
    pitch = range(rnd, -1, 1) * range(rnd, 0.3f, 1);
    roll = range(rnd, -1, 1) * range(rnd, 0.2f, 1);
    gaze = chance(rnd, 0.7f) ? -yaw * 0.6f : range(rnd, -1, 1);   // most look at the camera

    mood = MOODS[rnd.nextInt(MOODS.length)];
    float[] face = expression(rnd, mood);
    smile = face[0];
    mouthOpen = face[1];
    round = face[2];
    eyesOpen = face[3];
    browRaise = face[4];
    sadBrows = mood.equals("sad");

    // hair: the style decides length, curl and where the hairline is
    String style = HAIR_STYLES[rnd.nextInt(HAIR_STYLES.length)];
    if (masculine > 0.6f && age > 0.45f && chance(rnd, 0.35f)) {
      style = chance(rnd, 0.5f) ? "receding" : "bald";
    }
    if ((style.equals("bald") || style.equals("receding")) && (masculine < 0.5f || age < 0.2f)) {
      style = "short";
    }
    hairStyle = style;
    hairLength = switch (style) {
      case "bald" -> 0;
      case "buzz" -> 0.05f;
      case "short", "receding" -> range(rnd, 0.15f, 0.3f);
      case "side part", "fringe" -> range(rnd, 0.2f, 0.45f);
      case "bob" -> range(rnd, 0.45f, 0.6f);
      case "afro" -> range(rnd, 0.4f, 0.6f);
      case "curly" -> range(rnd, 0.4f, 0.9f);
      default -> range(rnd, 0.7f, 1);        // long, and tied up (ponytail, bun)
    };
    curl = style.equals("afro") ? 1 : style.equals("curly") ? range(rnd, 0.55f, 0.9f) : chance(rnd, 0.2f) ? range(rnd, 0.1f, 0.4f) : 0;
    grey = age > 0.55f ? constrain(map(age, 0.55f, 1, 0, 1) + range(rnd, -0.4f, 0.2f), 0, 1) : 0;
    int natural = HAIR[rnd.nextInt(darkFeatures ? 3 : HAIR.length)];
    if (chance(rnd, 0.05f) && age < 0.6f) {
      natural = DYED_HAIR[rnd.nextInt(DYED_HAIR.length)];
    }
    hair = mix(natural, grey > 0.7f ? WHITE : GREY, grey);
    part = chance(rnd, 0.4f) ? 0 : range(rnd, -0.6f, 0.6f);
    hairline = style.equals("receding") ? range(rnd, 0.55f, 0.9f) : range(rnd, 0, 0.25f) + (masculine > 0.6f ? age * 0.3f : 0);

    beard = masculine > 0.6f && age > 0.22f && chance(rnd, 0.4f) ? BEARDS[1 + rnd.nextInt(BEARDS.length - 1)] : "none";
    hat = chance(rnd, 0.08f) ? HATS[1 + rnd.nextInt(2)] : "none";
    hatColour = Color.HSBtoRGB(rnd.nextFloat(), range(rnd, 0.2f, 0.8f), range(rnd, 0.25f, 0.9f));
    glasses = chance(rnd, 0.12f + age * 0.3f);
    sunglasses = glasses && chance(rnd, 0.15f);
    frame = FRAMES[rnd.nextInt(FRAMES.length)];
    frameColour = pick(rnd, 0xFF111111, 0xFF3A2418, 0xFF6A4426, 0xFFC9A24A, 0xFFB8BCC2, 0xFF8A1E2A, 0xFF2A3A6A);
    earrings = chance(rnd, masculine < 0.5f ? 0.4f : 0.07f);
    hoops = chance(rnd, 0.4f);
    lipstick = masculine < 0.4f && age > 0.2f && chance(rnd, 0.3f);
    int ownLips = mix(darker(skin, 0.18f), 0xFFB04A58, 0.3f - skinTone * 0.12f);
    lips = lipstick ? LIPSTICK[rnd.nextInt(LIPSTICK.length)] : ownLips;
    clothes = CLOTHES[rnd.nextInt(CLOTHES.length)];
    cloth = Color.HSBtoRGB(rnd.nextFloat(), range(rnd, 0.05f, 0.75f), range(rnd, 0.12f, 0.9f));

    backdrop = BACKDROPS[rnd.nextInt(BACKDROPS.length)];
    backdropColour = Color.HSBtoRGB(rnd.nextFloat(), range(rnd, 0.05f, 0.55f), range(rnd, 0.3f, 0.92f));
    light = chance(rnd, 0.2f) ? range(rnd, -0.35f, 0.35f) : (chance(rnd, 0.5f) ? 1 : -1) * range(rnd, 0.35f, 1);
    contrast = range(rnd, 0.5f, 1.3f);
    lamp = pick(rnd, 0xFFFFFFFF, 0xFFFFF2E0, 0xFFFFE8C8, 0xFFEAF0FF);
    scale = range(rnd, 0.9f, 1.3f);
    x = range(rnd, -1, 1);
    y = range(rnd, -1, 1);

    // the build: children have rounder heads, eyes lower and larger, a small nose and mouth
    float child = constrain(map(age, 0, 0.25f, 1, 0), 0, 1);
    float old = constrain(map(age, 0.55f, 1, 0, 1), 0, 1);
    hw = range(rnd, 60, 70);
    hh = hw * (range(rnd, 1.2f, 1.34f) - child * 0.1f);
    jaw = range(rnd, 0.14f, 0.34f) - masculine * 0.08f - child * 0.04f;
    eyeY = hh * (range(rnd, -0.04f, 0.06f) + child * 0.12f);
    eyeX = hw * range(rnd, 0.38f, 0.44f);
    eyeW = hw * (range(rnd, 0.34f, 0.41f) + child * 0.04f);
    eyeH = eyeW * (range(rnd, 0.26f, 0.34f) + child * 0.05f - old * 0.03f);
    browY = eyeY - eyeW * range(rnd, 0.45f, 0.6f) - 2 + old * 2;
    browThick = range(rnd, 3, 5) + masculine * 2.5f - child;
    noseY = eyeY + hh * (range(rnd, 0.34f, 0.44f) - child * 0.09f + old * 0.03f);
    noseW = hw * (range(rnd, 0.2f, 0.28f) + skinTone * 0.05f - child * 0.03f);
    noseLength = hw * (range(rnd, 0.22f, 0.34f) - child * 0.1f + old * 0.04f);
    mouthY = noseY + (hh - noseY) * range(rnd, 0.32f, 0.42f);
    mouthW = hw * (range(rnd, 0.6f, 0.78f) - child * 0.12f);
    lipsFull = range(rnd, 0.8f, 1.3f) + skinTone * 0.3f - old * 0.35f;
    earSize = range(rnd, 0.9f, 1.1f) + old * 0.15f;
  }

  /** Smile, mouth open, how round the opening is, eyes open, brows: from the mood, each a little different. */
  static float[] expression(Random rnd, String mood) {
    return switch (mood) {
      case "smile" -> new float[] {range(rnd, 0.45f, 0.85f), 0, 0, range(rnd, 0.6f, 0.85f), range(rnd, 0, 0.3f)};
      case "grin" -> new float[] {range(rnd, 0.6f, 1), range(rnd, 0.15f, 0.35f), 0, range(rnd, 0.45f, 0.75f), range(rnd, 0, 0.3f)};
      case "laugh" -> new float[] {range(rnd, 0.75f, 1), range(rnd, 0.5f, 0.9f), range(rnd, 0, 0.2f), range(rnd, 0.05f, 0.5f),
          range(rnd, 0.2f, 0.6f)};
      case "talk" -> new float[] {range(rnd, -0.1f, 0.3f), range(rnd, 0.12f, 0.4f), range(rnd, 0.1f, 0.5f), range(rnd, 0.65f, 0.9f),
          range(rnd, -0.1f, 0.3f)};
      case "surprise" -> new float[] {range(rnd, -0.15f, 0.1f), range(rnd, 0.35f, 0.8f), range(rnd, 0.6f, 1), range(rnd, 0.9f, 1),
          range(rnd, 0.7f, 1)};
      case "sad" -> new float[] {range(rnd, -0.9f, -0.4f), chance(rnd, 0.3f) ? range(rnd, 0.05f, 0.2f) : 0, 0.2f,
          range(rnd, 0.45f, 0.7f), range(rnd, 0, 0.3f)};
      case "angry" -> new float[] {range(rnd, -0.6f, -0.15f), chance(rnd, 0.5f) ? range(rnd, 0.08f, 0.25f) : 0, 0,
          range(rnd, 0.6f, 0.85f), range(rnd, -1, -0.6f)};
      case "shout" -> new float[] {range(rnd, -0.4f, 0.1f), range(rnd, 0.55f, 1), range(rnd, 0.2f, 0.5f), range(rnd, 0.7f, 1),
          range(rnd, -1, -0.3f)};
      case "sleepy" -> new float[] {range(rnd, -0.1f, 0.25f), chance(rnd, 0.3f) ? range(rnd, 0.6f, 1) : 0, 0.7f,
          range(rnd, 0.1f, 0.4f), range(rnd, -0.2f, 0.2f)};
      default -> new float[] {range(rnd, -0.15f, 0.2f), chance(rnd, 0.3f) ? range(rnd, 0.03f, 0.12f) : 0, 0.2f,
          range(rnd, 0.65f, 0.9f), range(rnd, -0.2f, 0.2f)};
    };
  }

  /** The skin colour at 0 … 1 along the palette, mixing the two nearest tones. */
  static int tone(float t) {
    float at = constrain(t, 0, 1) * (SKIN.length - 1);
    int i = min((int) at, SKIN.length - 2);
    return mix(SKIN[i], SKIN[i + 1], at - i);
  }

  /** What decided the picture, for attributes.jsonl. */
  Attributes attributes() {
    return new Attributes()
        .put("age", age).put("masculine", masculine).put("skinTone", skinTone)
        .put("yaw", yaw).put("pitch", pitch).put("roll", roll).put("gaze", gaze)
        .put("mood", mood).put("smile", smile).put("mouthOpen", mouthOpen).put("eyesOpen", eyesOpen).put("browRaise", browRaise)
        .put("hairStyle", hat.equals("none") ? hairStyle : hat).put("hairLength", hairLength).put("curl", curl).put("grey", grey)
        .put("hairLightness", brightnessOf(hair))
        .put("beard", !beard.equals("none")).put("beardStyle", beard)
        .put("moustache", beard.equals("moustache") || beard.equals("goatee") || beard.equals("full"))
        .put("glasses", glasses).put("sunglasses", sunglasses).put("hat", !hat.equals("none"))
        .put("earrings", earrings).put("lipstick", lipstick).put("freckles", freckles)
        .put("clothes", clothes).put("background", backdrop)
        .put("light", light).put("contrast", contrast).put("scale", scale).put("x", x).put("y", y);
  }
}
