package dev.akkoord.scan.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Chromium processes as the tests and benchmarks see them, through /proc. A process that has exited but was not
 * reaped (state Z: this sandbox's PID 1 reaps no orphan) is dead here, although {@link ProcessHandle#isAlive} still
 * says it lives.
 */
public final class BrowserProcesses {

    private BrowserProcesses() {
    }

    /** Whether {@code pid} runs: it exists and is neither a zombie nor dead. */
    public static boolean running(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat == null) {
            return false;
        }
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 >= stat.length()) {
            return false;
        }
        char state = stat.charAt(close + 2);
        return state != 'Z' && state != 'X' && state != 'x';
    }

    /** Whether the process runs the Chromium binary (Debian's /usr/bin/chromium execs /usr/lib/chromium/chromium). */
    public static boolean isChromium(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString())
                .map(name -> name.contains("chromium") || name.contains("chrome")).orElse(false);
    }

    /** The running Chromium processes below {@code root}: the browsers and their helpers. */
    public static List<ProcessHandle> chromiumBelow(ProcessHandle root) {
        return root.descendants().filter(BrowserProcesses::isChromium).filter(p -> running(p.pid())).toList();
    }

    /** The running browsers (not their helpers) started directly by {@code root}. */
    public static List<ProcessHandle> browsersOf(ProcessHandle root) {
        return root.children().filter(BrowserProcesses::isChromium).filter(p -> running(p.pid())).toList();
    }

    /** Helpers of one type ({@code renderer}, {@code zygote}, {@code gpu-process}, …) below {@code browser}. */
    public static List<ProcessHandle> helpers(ProcessHandle browser, String type) {
        return browser.descendants().filter(p -> running(p.pid()))
                .filter(p -> {
                    // helpers set their title: arguments end with a space there, not with NUL
                    String line = commandLine(p.pid());
                    return line.contains("--type=" + type + " ") || line.contains("--type=" + type + "\0");
                }).toList();
    }

    /** Every running process whose command line contains {@code marker}, e.g. a unique temporary directory. */
    public static List<Long> withMarker(String marker) {
        List<Long> found = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path entry : proc) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                if (pid != self && commandLine(pid).contains(marker) && running(pid)) {
                    found.add(pid);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return found;
    }

    /** The process's arguments as in /proc (NUL-separated, or spaces where Chromium set the title); "" if gone. */
    public static String commandLine(long pid) {
        String line = read(Path.of("/proc", Long.toString(pid), "cmdline"));
        return line == null ? "" : line;
    }

    /** Resident memory of the process in kB (VmRSS), 0 when it is gone or a zombie. */
    public static long rssKb(long pid) {
        String status = read(Path.of("/proc", Long.toString(pid), "status"));
        if (status == null) {
            return 0;
        }
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).replace("kB", "").trim());
            }
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
