/**
 * The thread-per-connection baselines: {@code threads} (a platform thread per connection) and {@code vthreads}
 * (a virtual thread per connection, the JVM's analogue of Go's goroutine-per-connection). Both are the same
 * blocking code, {@link io.reactorbench.baseline.nio.ThreadPerConnectionServer}, given a different
 * {@link java.util.concurrent.ThreadFactory}.
 */
package io.reactorbench.baseline.nio;
