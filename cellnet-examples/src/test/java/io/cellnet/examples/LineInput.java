package io.cellnet.examples;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/** Stdin for a program run in-process: the test types lines, then ends the input. */
final class LineInput extends InputStream {
    private static final int EOF = -1;
    private final LinkedBlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();
    private boolean ended;

    /** Types {@code line} and a newline. */
    void type(String line) {
        for (byte b : (line + "\n").getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xFF);
        }
    }

    /** Ends the input: the program reads end-of-file after what was typed. */
    void end() {
        bytes.add(EOF);
    }

    /** Returns what was typed so far (at least one byte, blocking for it), as a terminal does. */
    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int first = read();
        if (first == EOF) {
            return EOF;
        }
        b[off] = (byte) first;
        int n = 1;
        while (n < len && !ended && !bytes.isEmpty() && bytes.peek() != EOF) {
            b[off + n++] = (byte) read();
        }
        return n;
    }

    @Override
    public int read() {
        if (ended) {
            return EOF;
        }
        try {
            int b = bytes.take();
            ended = b == EOF;
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EOF;
        }
    }
}
