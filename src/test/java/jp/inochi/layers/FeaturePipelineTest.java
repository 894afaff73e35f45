package jp.inochi.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jp.inochi.layers.reading.FeatureReader;
import jp.inochi.layers.reading.SourceDescription;
import jp.inochi.layers.reading.SourceFeature;
import jp.inochi.layers.reading.UnreadableFileException;
import org.junit.jupiter.api.Test;

/** The reader → shapers → writer pipeline keeps file order, stops on the first failure and leaves no thread reading. */
class FeaturePipelineTest {

    /** Features 1..count; feature {@code failAt} breaks the file (0: none); counts reads and notices reads after close. */
    private static final class NumberedReader implements FeatureReader {
        private final long count;
        private final long failAt;
        private final AtomicLong read = new AtomicLong();
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicBoolean readAfterClose = new AtomicBoolean();

        NumberedReader(long count, long failAt) {
            this.count = count;
            this.failAt = failAt;
        }

        @Override
        public SourceDescription describe() {
            return new SourceDescription("test", "numbers", null, List.of(), count, List.of());
        }

        @Override
        public SourceFeature next() {
            if (closed.get()) {
                readAfterClose.set(true);
            }
            long index = read.incrementAndGet();
            if (index == failAt) {
                throw new UnreadableFileException("numbers の " + index + "番目の地物が壊れています");
            }
            return index > count ? null : new SourceFeature(index, "numbers", index, null, Map.of(), null);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    /** Shapes at uneven speeds, so batches finish out of order on several threads. */
    private static long unevenly(SourceFeature feature) {
        if (ThreadLocalRandom.current().nextInt(50) == 0) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return feature.index();
    }

    @Test
    void featuresShapedOnSeveralThreadsComeOutInFileOrder() throws Exception {
        NumberedReader reader = new NumberedReader(5_000, 0);
        List<Long> seen = new ArrayList<>();
        try (FeaturePipeline<Long> pipeline = new FeaturePipeline<>(reader, FeaturePipelineTest::unevenly, 3)) {
            Long index;
            while ((index = pipeline.next()) != null) {
                seen.add(index);
            }
            assertNull(pipeline.next(), "stays at the end");
        }
        assertEquals(5_000, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i + 1, seen.get(i));
        }
    }

    @Test
    void aFileBreakingHalfWayGivesEveryFeatureBeforeItThenTheReadersOwnJapaneseError() throws Exception {
        NumberedReader reader = new NumberedReader(5_000, 1_001);
        List<Long> seen = new ArrayList<>();
        try (FeaturePipeline<Long> pipeline = new FeaturePipeline<>(reader, FeaturePipelineTest::unevenly, 2)) {
            UnreadableFileException failure = assertThrows(UnreadableFileException.class, () -> {
                Long index;
                while ((index = pipeline.next()) != null) {
                    seen.add(index);
                }
            });
            assertEquals("numbers の 1001番目の地物が壊れています", failure.getMessage());
        }
        assertEquals(1_000, seen.size());
        assertEquals(1_000L, seen.get(999));
    }

    @Test
    void aShaperFailingInTheMiddleStopsTheImportWithItsException() throws Exception {
        NumberedReader reader = new NumberedReader(5_000, 0);
        List<Long> seen = new ArrayList<>();
        try (FeaturePipeline<Long> pipeline = new FeaturePipeline<>(reader, feature -> {
            if (feature.index() == 2_222) {
                throw new IllegalStateException("図形を検証できません");
            }
            return feature.index();
        }, 2)) {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> {
                Long index;
                while ((index = pipeline.next()) != null) {
                    seen.add(index);
                }
            });
            assertEquals("図形を検証できません", failure.getMessage());
        }
        assertTrue(seen.size() < 2_222 && seen.size() % FeaturePipeline.BATCH == 0, "whole batches before it: " + seen.size());
    }

    @Test
    void closingWhileTheReaderIsAheadStopsItBeforeTheFileIsClosedAndKeepsMemoryBounded() throws Exception {
        NumberedReader reader = new NumberedReader(10_000_000, 0);
        try (FeaturePipeline<Long> pipeline = new FeaturePipeline<>(reader, SourceFeature::index, 2)) {
            assertEquals(1L, pipeline.next());
            Thread.sleep(200);
            assertTrue(reader.read.get() < 20 * FeaturePipeline.BATCH, "the reader waits for the writer: " + reader.read.get());
        }
        long readWhenClosed = reader.read.get();
        reader.close();
        Thread.sleep(100);
        assertEquals(readWhenClosed, reader.read.get(), "no thread reads after close()");
        assertFalse(reader.readAfterClose.get());
    }

    @Test
    void anEmptyFileEndsAtOnce() throws IOException {
        try (FeaturePipeline<Long> pipeline = new FeaturePipeline<>(new NumberedReader(0, 0), SourceFeature::index, 1)) {
            assertNull(pipeline.next());
        }
    }
}
