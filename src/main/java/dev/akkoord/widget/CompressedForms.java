package dev.akkoord.widget;

/**
 * A script version's compressed forms. The gzip form exists from the start; the brotli form may follow later, since
 * compressing at brotli's best level takes tens of milliseconds and is done off the event loop.
 */
final class CompressedForms {

    private final byte[] gzip;
    private volatile byte[] brotli;

    CompressedForms(byte[] gzip, byte[] brotli) {
        this.gzip = gzip;
        this.brotli = brotli;
    }

    byte[] gzip() {
        return gzip;
    }

    /** The brotli form, or null while it is being made or where brotli is not available. */
    byte[] brotli() {
        return brotli;
    }

    void brotliReady(byte[] compressed) {
        this.brotli = compressed;
    }
}
