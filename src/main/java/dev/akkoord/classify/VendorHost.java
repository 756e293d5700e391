package dev.akkoord.classify;

import java.util.List;

/** A row of our hand-written vendor table ({@code classify/vendors.csv}). */
record VendorHost(String host, Category category, String vendor, List<String> platforms) {

    VendorHost {
        platforms = List.copyOf(platforms);
    }
}
