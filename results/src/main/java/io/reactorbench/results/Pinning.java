package io.reactorbench.results;

/**
 * Where server and load ran. {@code applied} is false when {@code taskset} was missing or refused, in which
 * case both ran unpinned and {@code note} says why: numbers from such a run are noisier.
 *
 * @param server CPU list of the server (taskset syntax, e.g. "0"), or null when not asked
 * @param load   CPU list of the load generator, e.g. "1"
 */
public record Pinning(String server, String load, boolean applied, String note) {
}
