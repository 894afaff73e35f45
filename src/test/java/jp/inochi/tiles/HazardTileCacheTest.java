package jp.inochi.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HazardTileCacheTest {
    private final AtomicInteger made = new AtomicInteger();

    private byte[] tileOf(int size) {
        made.incrementAndGet();
        return new byte[size];
    }

    private static HazardTileCache.Key key(String versions, int x) {
        return new HazardTileCache.Key(versions, 14, x, 6000, "");
    }

    @Test
    void aTileAskedForAgainIsNotMadeAgain() {
        HazardTileCache cache = new HazardTileCache(1000);
        cache.get(key("7", 1), () -> tileOf(100));
        cache.get(key("7", 1), () -> tileOf(100));
        assertEquals(1, made.get());
    }

    @Test
    void anotherVersionOfTheLayersIsAnotherTile() {
        HazardTileCache cache = new HazardTileCache(1000);
        cache.get(key("7", 1), () -> tileOf(100));
        cache.get(key("8", 1), () -> tileOf(100));
        assertEquals(2, made.get());
    }

    @Test
    void aTileWithNothingInItIsKeptAsEmpty() {
        HazardTileCache cache = new HazardTileCache(1000);
        assertArrayEquals(new byte[0], cache.get(key("7", 1), () -> null));
        assertArrayEquals(new byte[0], cache.get(key("7", 1), () -> tileOf(5)));
        assertEquals(0, made.get());
    }

    @Test
    void overTheBudgetTheLeastRecentlyUsedTilesGoFirst() {
        HazardTileCache cache = new HazardTileCache(300);
        cache.get(key("7", 1), () -> tileOf(100));
        cache.get(key("7", 2), () -> tileOf(100));
        cache.get(key("7", 3), () -> tileOf(100));
        cache.get(key("7", 1), () -> tileOf(100)); // 1 used again: 2 is now the least recent
        cache.get(key("7", 4), () -> tileOf(100));
        assertEquals(3, cache.size());
        assertEquals(300, cache.bytes());
        made.set(0);
        cache.get(key("7", 1), () -> tileOf(100));
        cache.get(key("7", 3), () -> tileOf(100));
        cache.get(key("7", 4), () -> tileOf(100));
        assertEquals(0, made.get(), "1, 3 and 4 were kept");
        cache.get(key("7", 2), () -> tileOf(100));
        assertEquals(1, made.get(), "2 was let go");
    }
}
