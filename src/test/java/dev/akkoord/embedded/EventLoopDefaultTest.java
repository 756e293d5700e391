package dev.akkoord.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventLoopDefaultTest {

    private String before;

    @BeforeEach
    void remember() {
        assumeTrue(System.getenv(EventLoopDefault.ENVIRONMENT_VARIABLE) == null, "the environment sets the pool size");
        before = System.clearProperty(EventLoopDefault.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(EventLoopDefault.PROPERTY);
        } else {
            System.setProperty(EventLoopDefault.PROPERTY, before);
        }
    }

    @Test
    void oneLoopPerTwoCoresAndNeverNone() {
        assertEquals("1", sizeFor(1));
        assertEquals("1", sizeFor(2));
        assertEquals("1", sizeFor(3));
        assertEquals("4", sizeFor(8));
    }

    @Test
    void theOperatorsSettingStands() {
        System.setProperty(EventLoopDefault.PROPERTY, "6");
        EventLoopDefault.apply(2);
        assertEquals("6", System.getProperty(EventLoopDefault.PROPERTY));
    }

    private static String sizeFor(int cores) {
        System.clearProperty(EventLoopDefault.PROPERTY);
        EventLoopDefault.apply(cores);
        return System.getProperty(EventLoopDefault.PROPERTY);
    }
}
