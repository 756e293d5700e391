package dev.akkoord.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestServices} for every @QuarkusTest in the suite. */
@QuarkusTestResource(TestServices.class)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
