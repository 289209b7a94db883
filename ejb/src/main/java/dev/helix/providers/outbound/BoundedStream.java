package dev.helix.providers.outbound;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An answer's body read up to a limit: reading past it fails, so a provider cannot stream without end. */
final class BoundedStream extends FilterInputStream {

    private final long limit;
    private long read;

    BoundedStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) throws IOException {
        read += n;
        if (read > limit) {
            throw new IOException("the answer is larger than " + limit + " bytes");
        }
    }
}
