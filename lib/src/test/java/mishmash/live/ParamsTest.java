package mishmash.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamsTest {
  enum Policy { OLDEST, RANDOM, SWEEP }

  static class Sketch {
    @Live(min = 0, max = 2) float mutation = 0.35f;
    @Live(min = 1, max = 16) int columns = 8;
    @Live boolean labels = true;
    @Live Policy death = Policy.OLDEST;
    float notLive = 1;
  }

  @Test
  void aFieldDeclaredLiveIsFoundAndPlayable() {
    Sketch s = new Sketch();
    Params params = Params.of(s);
    List<String> names = new ArrayList<>();
    params.forEach(p -> names.add(p.name()));
    assertEquals(List.of("mutation", "columns", "labels", "death"), names);
    params.get("mutation").set(1.5);
    assertEquals(1.5f, s.mutation);
    params.get("mutation").set(9);
    assertEquals(2f, s.mutation, "clamped to the range");
    assertFalse(params.get("mutation").set(Double.NaN));
    assertEquals(2f, s.mutation, "NaN changes nothing");
    params.get("columns").nudge(0.01);
    assertEquals(9, s.columns, "a whole number moves by at least one");
    params.get("labels").nudge(1);
    assertFalse(s.labels);
    params.get("death").nudge(-0.1);
    assertEquals(Policy.SWEEP, s.death, "choices wrap around");
    assertEquals("sweep", params.get("death").text());
    assertTrue(params.get("mutation").text().startsWith("2.00"));
  }
}
