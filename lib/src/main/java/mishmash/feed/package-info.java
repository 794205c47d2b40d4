/**
 * Streams of numbers that drive a sketch from outside: a recorded stream played in a loop
 * ({@link mishmash.feed.Recording}) and the sound input's loudness ({@link mishmash.feed.Loudness}).
 * Live OSC streams come in through the sketch's {@code @Live} parameters.
 */
package mishmash.feed;
