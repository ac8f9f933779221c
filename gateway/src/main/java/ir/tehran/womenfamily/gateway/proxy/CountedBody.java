package ir.tehran.womenfamily.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body sent without a declared length, counted as it streams to the service: past
 * {@code limit} bytes it stops, and fails with {@link TooLarge}, so the proxy abandons the upstream
 * request and the client gets 413.
 */
final class CountedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long limit;
    private long count;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    CountedBody(ReadStream<Buffer> source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public CountedBody exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public CountedBody handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded) {
                return;
            }
            count += chunk.length();
            if (count > limit) {
                exceeded = true;
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(limit));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public CountedBody pause() {
        source.pause();
        return this;
    }

    @Override
    public CountedBody resume() {
        source.resume();
        return this;
    }

    @Override
    public CountedBody fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public CountedBody endHandler(Handler<Void> handler) {
        source.endHandler(handler == null ? null : v -> {
            if (!exceeded) {
                handler.handle(v);
            }
        });
        return this;
    }

    /** The body went past the limit. */
    static final class TooLarge extends RuntimeException {

        TooLarge(long limit) {
            super("request body larger than " + limit + " bytes", null, false, false);
        }
    }
}
