package mishmash.live.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;
import mishmash.live.Change;
import mishmash.live.Controls;
import mishmash.live.Live;
import mishmash.live.Params;
import mishmash.live.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic MIDI messages into the receiver, as a controller would send them. */
class MidiControlTest {
  static class Sketch {
    @Live(min = 0, max = 2) float mutation = 0.35f;
    @Live(min = 0, max = 1) double psi = 0.5;
    @Live boolean labels = true;
    int births;

    @Live void breed() {
      births++;
    }
  }

  @TempDir Path tmp;
  int frame;

  void cc(MidiControl midi, int channel, int cc, int value) throws InvalidMidiDataException {
    midi.receiver().send(new ShortMessage(ShortMessage.CONTROL_CHANGE, channel - 1, cc, value), -1);
  }

  void note(MidiControl midi, int channel, int note, int velocity) throws InvalidMidiDataException {
    midi.receiver().send(new ShortMessage(ShortMessage.NOTE_ON, channel - 1, note, velocity), -1);
  }

  void frame(Controls c) {
    c.frame(++frame, frame / 60.0);
    c.frame(++frame, frame / 60.0); // MIDI turns into changes in one frame; they apply in the next
  }

  @Test
  void learnBindsTheNextKnobOnItsChannelAndSavesTheMap() throws Exception {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    Path map = tmp.resolve("midi/test.midimap");
    MidiControl midi = new MidiControl(map).attach(c);
    midi.learn("mutation");
    cc(midi, 2, 21, 40);
    frame(c);
    assertEquals("ch2 cc21", midi.map().of("mutation").toString());
    assertTrue(Files.readString(map).contains("mutation = ch2 cc21"), Files.readString(map));
    // soft takeover: the knob at 40/127 (0.63 of the range) is far from 0.35 (0.175): nothing moves
    cc(midi, 2, 21, 90);
    frame(c);
    assertEquals(0.35f, s.mutation, 1e-6, "a knob far from the value does not jump it");
    assertFalse(midi.pickedUp("mutation"));
    // the knob sweeps down past the value: from then on it plays it
    cc(midi, 2, 21, 5);
    frame(c);
    assertTrue(midi.pickedUp("mutation"));
    assertEquals(2 * 5 / 127f, s.mutation, 1e-5);
    cc(midi, 2, 21, 127);
    frame(c);
    assertEquals(2f, s.mutation, 1e-6);
    cc(midi, 3, 21, 0);
    frame(c);
    assertEquals(2f, s.mutation, 1e-6, "another channel's CC 21 is another control");
    // another source moves the value: the knob must find it again
    c.submit(Change.set("mutation", 0.2, "osc"));
    frame(c);
    assertFalse(midi.pickedUp("mutation"));
    cc(midi, 2, 21, 100);
    frame(c);
    assertEquals(0.2f, s.mutation, 1e-6);
  }

  @Test
  void aFourteenBitControlIsLearntAndPlayedInFineSteps() throws Exception {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    MidiControl midi = new MidiControl(tmp.resolve("m.midimap")).attach(c);
    midi.learn("psi");
    cc(midi, 1, 7, 64);   // MSB
    cc(midi, 1, 39, 0);   // its LSB partner follows: 14-bit
    frame(c);
    assertTrue(midi.map().of("psi").fine(), midi.map().of("psi").toString());
    int v = 8192 + 37;    // just above the middle: only 14 bits can say this
    cc(midi, 1, 7, v >> 7);
    cc(midi, 1, 39, v & 127);
    frame(c);
    assertEquals(v / 16383.0, s.psi, 1e-9);
  }

  @Test
  void notesTriggerActionsAndFlipToggles() throws Exception {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    MidiControl midi = new MidiControl(tmp.resolve("m.midimap")).attach(c);
    midi.learn("breed");
    note(midi, 10, 36, 100);
    frame(c);
    note(midi, 10, 36, 100);
    note(midi, 10, 36, 0); // note off as velocity 0
    frame(c);
    assertEquals(1, s.births, "the pad fires the action once per hit (learning used the first hit)");
    midi.learn("labels");
    note(midi, 10, 37, 90);
    frame(c);
    note(midi, 10, 37, 90);
    frame(c);
    assertFalse(s.labels);
  }

  @Test
  void theMapFileReloadsSkipsBadLinesAndSurvivesPresets() throws Exception {
    Path map = tmp.resolve("grid.midimap");
    Files.writeString(map, String.join("\n",
        "# my controller",
        "mutation = ch1 cc21",
        "psi = any cc7 14bit   # fine",
        "breed = ch10 note36",
        "this line is nonsense",
        "labels = ch99 cc1",
        ""));
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    MidiControl midi = new MidiControl(map).attach(c);
    assertEquals(3, midi.map().bindings().size(), midi.map().bindings().toString());
    assertNotNull(midi.map().of("psi"));
    // a preset is recalled: the bindings stay (Autolume loses them here)
    Presets presets = new Presets(tmp.resolve("presets"), c);
    presets.save("calm");
    presets.recall("calm", 0, "test");
    frame(c);
    cc(midi, 1, 21, 22); // near 0.35/2 = 0.175 → picks up
    frame(c);
    assertEquals(2 * 22 / 127f, s.mutation, 1e-5, "the knob still plays mutation after the preset");
    note(midi, 10, 36, 127);
    frame(c);
    assertEquals(1, s.births);
  }

  // issue 12, 8: one non-UTF-8 byte dropped every mapping, and the next learn saved the emptied map

  @Test
  void aBadByteSpoilsOneLineAndLearnKeepsTheRestOfTheUsersFile() throws Exception {
    Path file = tmp.resolve("test.midimap");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write("# my controller, Ã© in Latin-1 below\nmutation = ch1 cc21\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    bytes.write(new byte[] {'p', 's', 'i', (byte) 0xE9, ' ', '=', ' ', 'c', 'h', '1', ' ', 'c', 'c', '7', '\n'});
    bytes.write("breed = ch10 note36\nlabels = ch0 cc5\nmutatoin = ch2 cc9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.write(file, bytes.toByteArray());
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    MidiControl midi = new MidiControl(file).attach(c);
    assertEquals("ch1 cc21", midi.map().of("mutation").toString(), "the good lines load");
    assertEquals("ch10 note36", midi.map().of("breed").toString());
    assertEquals(null, midi.map().of("labels"), "channel 0 is no channel");
    String problems = String.join("\n", midi.problems());
    assertTrue(problems.contains("line 3") && problems.contains("not UTF-8"), problems);
    assertTrue(problems.contains("line 5") && problems.contains("ch1 to ch16"), problems);
    assertTrue(problems.contains("line 6") && problems.contains("\"mutatoin\""), problems);
    // learn a new knob: the file is saved, and nothing of the user's is lost
    midi.learn("psi");
    cc(midi, 1, 8, 64);
    frame(c);
    byte[] saved = Files.readAllBytes(file);
    String text = new String(saved, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(text.contains("mutation = ch1 cc21") && text.contains("psi      = ch1 cc8") && text.contains("breed    = ch10 note36"),
        text);
    assertTrue(text.contains("labels = ch0 cc5") && text.contains("mutatoin = ch2 cc9"), "unread lines kept: " + text);
    MidiControl again = new MidiControl(file).attach(new Controls("test", Params.of(new Sketch()), 1));
    assertEquals("ch1 cc8", again.map().of("psi").toString());
  }
}
