package jp.inochi.tiles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Hazard tiles are public and the same for everyone until a layer gets a new version, so the last ones asked for
 * are kept in memory, up to a byte budget, least recently used out first. The key holds the current versions of
 * the hazard layers, read from the database with each request: a new version (imported on any instance) misses
 * at once, and the old version's tiles age out.
 */
final class HazardTileCache {
    /** A tile's address with the layer versions it was made from; the requested types as given ("" for all). */
    record Key(String versions, int z, int x, int y, String types) {
    }

    private final long maxBytes;
    private final LinkedHashMap<Key, byte[]> tiles = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    HazardTileCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The tile (an empty array for a tile with nothing in it), made by {@code make} if it isn't kept. */
    byte[] get(Key key, Supplier<byte[]> make) {
        byte[] kept = kept(key);
        // made outside the lock: two requests for a new tile may both make it, which is cheaper than queueing behind one
        return kept != null ? kept : keep(key, make.get());
    }

    /** The tile kept under this key (now the most recently used), or null. */
    synchronized byte[] kept(Key key) {
        return tiles.get(key);
    }

    /** Keeps the tile (null: nothing in it) and returns what is kept, letting the least recently used ones go. */
    synchronized byte[] keep(Key key, byte[] made) {
        byte[] tile = made == null ? new byte[0] : made;
        byte[] previous = tiles.put(key, tile);
        bytes += tile.length - (previous == null ? 0 : previous.length);
        var eldest = tiles.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<Key, byte[]> out = eldest.next();
            bytes -= out.getValue().length;
            eldest.remove();
        }
        return tile;
    }

    synchronized int size() {
        return tiles.size();
    }

    synchronized long bytes() {
        return bytes;
    }
}
