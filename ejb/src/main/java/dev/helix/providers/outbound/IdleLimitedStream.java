package dev.helix.providers.outbound;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A streamed answer that is closed, and so breaks off, when no byte has arrived for as long as its idle limit: a
 * provider that stops mid-stream does not hold its caller for ever. The check runs on the transports' deadline
 * thread, once per limit.
 */
final class IdleLimitedStream extends FilterInputStream {

    private final long limitNanos;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean closed;

    IdleLimitedStream(InputStream in, Duration limit) {
        super(in);
        this.limitNanos = limit.toNanos();
        watch(limitNanos);
    }

    private void watch(long delayNanos) {
        ProviderTransport.DEADLINES.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        if (closed) {
            return;
        }
        long idle = System.nanoTime() - lastProgress;
        if (idle >= limitNanos) {
            quietlyClose(this);
        } else {
            watch(limitNanos - idle);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        lastProgress = System.nanoTime();
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        lastProgress = System.nanoTime();
        return n;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        super.close();
    }

    static void quietlyClose(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Closed only to break off a read that took too long.
        }
    }
}
