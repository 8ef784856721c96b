package io.reactorbench.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * The operations a loop does on its set of connections, keyed by fd, so the engine's flat
 * {@link ConnectionTable} and the {@code map[int]*conn} design the gnet write-up criticises can be compared
 * through one {@code @Param} ({@link #create}) instead of two copies of the benchmark.
 */
interface ConnectionStore {

    void add(int fd, Object handlerContext);

    /** What a loop reads on a readiness event for {@code fd}: is it a connection, its state, its handler context. */
    Object lookup(int fd);

    void remove(int fd);

    static ConnectionStore create(String id) {
        return switch (id) {
            case "flat-table" -> new FlatTableStore();
            case "hash-map" -> new HashMapStore();
            default -> throw new IllegalArgumentException("unknown connection store '" + id
                    + "' (known: flat-table, hash-map)");
        };
    }

    /** The engine's table: flat arrays indexed by fd, nothing allocated per connection. */
    final class FlatTableStore implements ConnectionStore {

        private final ConnectionTable table = new ConnectionTable();

        @Override
        public void add(int fd, Object handlerContext) {
            table.addConnection(fd, 0L);
            table.context(fd, handlerContext);
        }

        @Override
        public Object lookup(int fd) {
            if (table.kind(fd) != ConnectionTable.KIND_CONNECTION
                    || (table.state(fd) & ConnectionLifecycle.PAUSED_BY_HANDLER) != 0) {
                return null;
            }
            return table.context(fd);
        }

        @Override
        public void remove(int fd) {
            table.remove(fd);
        }
    }

    /**
     * The baseline: a {@code HashMap<Integer, Object>} from fd to a connection object holding the same fields,
     * as {@code map[int]*conn} does. The connection objects are made once by the caller (they exist in either
     * design); what this adds is the map's boxed keys, entry nodes and the pointer chase through them.
     */
    final class HashMapStore implements ConnectionStore {

        /** The per-connection object of the map design: the table's array elements, as fields. */
        static final class MapConn {
            int state;
            long lastActiveNs;
            Object handlerContext;
        }

        private final Map<Integer, MapConn> connections = new HashMap<>();

        @Override
        public void add(int fd, Object handlerContext) {
            MapConn conn = new MapConn(); // gnet allocates its conn too; the flat table has no such object
            conn.handlerContext = handlerContext;
            connections.put(fd, conn);
        }

        @Override
        public Object lookup(int fd) {
            MapConn conn = connections.get(fd);
            if (conn == null || (conn.state & ConnectionLifecycle.PAUSED_BY_HANDLER) != 0) {
                return null;
            }
            return conn.handlerContext;
        }

        @Override
        public void remove(int fd) {
            connections.remove(fd);
        }
    }
}
