package ir.tehran.womenfamily.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A few requests at a time: the registry answers them concurrently, as it would its users, and the load does not
 * take more than its share of the machine. The first failure stops the rest and is thrown.
 */
final class Parallel implements AutoCloseable {

    private final ExecutorService pool;

    Parallel(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "demo-data-request");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code call} of each value, in their order. */
    <T, R> List<R> map(List<T> values, Function<T, R> call) {
        List<Future<R>> futures = new ArrayList<>(values.size());
        for (T v : values) {
            futures.add(pool.submit(() -> call.apply(v)));
        }
        List<R> out = new ArrayList<>(values.size());
        try {
            for (Future<R> f : futures) {
                out.add(f.get());
            }
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(false));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(false));
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }

    <T> void each(List<T> values, java.util.function.Consumer<T> call) {
        map(values, v -> {
            call.accept(v);
            return null;
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
