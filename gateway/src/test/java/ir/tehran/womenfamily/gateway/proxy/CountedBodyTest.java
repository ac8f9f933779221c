package ir.tehran.womenfamily.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import org.junit.jupiter.api.Test;

class CountedBodyTest {

    @Test
    void aBodyWithinTheLimitPassesWhole() {
        Source source = new Source();
        CountedBody body = new CountedBody(source, 10);
        Sink sink = new Sink(body);
        source.emit("12345").emit("67890").end();
        assertEquals("1234567890", sink.received.toString());
        assertTrue(sink.ended);
        assertTrue(sink.failures.isEmpty());
        assertFalse(body.exceeded());
    }

    @Test
    void aBodyPastTheLimitStopsAndFails() {
        Source source = new Source();
        CountedBody body = new CountedBody(source, 10);
        Sink sink = new Sink(body);
        source.emit("123456").emit("789012").emit("345").end();
        assertEquals("123456", sink.received.toString());
        assertFalse(sink.ended);
        assertEquals(1, sink.failures.size());
        assertInstanceOf(CountedBody.TooLarge.class, sink.failures.get(0));
        assertTrue(body.exceeded());
    }

    /** Reads a stream the way the proxy's pipe does. */
    private static final class Sink {
        final StringBuilder received = new StringBuilder();
        final List<Throwable> failures = new ArrayList<>();
        boolean ended;

        Sink(ReadStream<Buffer> stream) {
            stream.exceptionHandler(failures::add);
            stream.handler(b -> received.append(b.toString()));
            stream.endHandler(v -> ended = true);
        }
    }

    /** A stream the test pushes chunks into. */
    private static final class Source implements ReadStream<Buffer> {
        private Handler<Buffer> handler;
        private Handler<Void> endHandler;

        Source emit(String chunk) {
            handler.handle(Buffer.buffer(chunk));
            return this;
        }

        void end() {
            endHandler.handle(null);
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> h) {
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> h) {
            this.handler = h;
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> h) {
            this.endHandler = h;
            return this;
        }
    }
}
