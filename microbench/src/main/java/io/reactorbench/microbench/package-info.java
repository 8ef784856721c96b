/**
 * JMH benchmarks of reactorbench's hot paths, one question per class; run them from
 * {@code microbench/target/benchmarks.jar} (see docs/microbench.md). Benchmarks of engine internals live in the
 * engine's own package ({@code io.reactorbench.engine}, in this module's sources) because what they measure is
 * package-private there: on the class path a package may span two jars, as a unit test's does.
 */
package io.reactorbench.microbench;
