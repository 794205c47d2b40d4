package mishmash.booth;

import java.util.List;

/**
 * A visitor's Mishmash profile: what the card shows.
 *
 * @param id the profile's number, also its creature's seed in the archive (No. on the card)
 * @param name the name as typed (see {@link Names})
 * @param creatureSeed the archive creature the visitor was mixed with
 * @param specs the machine attributes
 * @param created milliseconds since 1970 (UTC)
 */
public record Profile(long id, String name, long creatureSeed, List<MachineSpecs.Spec> specs, long created) {
  public Profile {
    specs = List.copyOf(specs);
  }
}
