package jp.inochi.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jp.inochi.platform.problem.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadsAsideTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ReadsAside aside = new ReadsAside(executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aReadRunsOnAnotherThreadWhileTheCallerGoesOn() throws Exception {
        CountDownLatch callerWentOn = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        ReadsAside.Pending<Thread> read = aside.start(() -> {
            try {
                callerWentOn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Thread.currentThread();
        });
        callerWentOn.countDown();
        assertNotEquals(caller, read.get());
    }

    @Test
    void aFailedReadIsThrownAsItWasThrown() {
        NotFoundException missing = new NotFoundException("見つかりません");
        ReadsAside.Pending<String> read = aside.start(() -> {
            throw missing;
        });
        assertSame(missing, assertThrows(NotFoundException.class, read::get));
    }

    @Test
    void theAnswerIsTheRead() {
        assertEquals(42, aside.start(() -> 42).get());
    }
}
