package dev.akkoord.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A small real SMTP server on loopback that the suite's alert mails go to ({@code akkoord.alerts.mail=smtp}), for every
 * @QuarkusTest, so no test profile (and no restart) is needed. Each mail it accepts is written to a file in a
 * directory named by the system property {@value #DIRECTORY_PROPERTY}: files cross the class loaders the resource
 * and the tests run in.
 */
@QuarkusTestResource(SmtpReceiver.class)
public final class SmtpReceiver implements QuarkusTestResourceLifecycleManager {

    static final String DIRECTORY_PROPERTY = "akkoord.test.smtp-directory";

    private ServerSocket socket;
    private Thread acceptor;

    /** A mail received: its envelope recipients and its data (headers and body) as sent. */
    record Received(List<String> recipients, String data) {

        /** The data with quoted-printable undone (soft line breaks and =XX), as a reader sees the text. */
        String text() {
            String joined = data.replace("=\n", "");
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                    text.append((char) Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    text.append(c);
                }
            }
            return text.toString();
        }

        private static boolean isHex(char c) {
            return Character.digit(c, 16) >= 0;
        }
    }

    /** Every mail received so far, oldest first. */
    static List<Received> received() {
        Path directory = Path.of(System.getProperty(DIRECTORY_PROPERTY));
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".eml")).sorted().map(file -> {
                try {
                    String[] parts = Files.readString(file).split("\n", 2);
                    return new Received(List.of(parts[0].split(",")), parts[1]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            Path directory = Files.createTempDirectory("akkoord-smtp");
            System.setProperty(DIRECTORY_PROPERTY, directory.toString());
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            AtomicInteger count = new AtomicInteger();
            acceptor = new Thread(() -> accept(directory, count), "test-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            return Map.of("akkoord.alerts.mail", "smtp", "quarkus.mailer.mock", "false",
                    "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(socket.getLocalPort()),
                    "quarkus.mailer.start-tls", "DISABLED", "akkoord.alerts.backoff", "100ms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(Path directory, AtomicInteger count) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread conversation = new Thread(() -> converse(client, directory, count), "test-smtp-client");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Just enough of RFC 5321 for one client: greeting, EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. */
    private static void converse(Socket client, Path directory, AtomicInteger count) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = client.getOutputStream()) {
            reply(out, "220 test-smtp ready");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 test-smtp");
                    case "MAIL", "RSET", "NOOP" -> {
                        if (!command.equals("NOOP")) {
                            recipients.clear();
                        }
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipients.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        StringBuilder data = new StringBuilder();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            data.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
                        }
                        String name = String.format("%06d.eml", count.incrementAndGet());
                        Path partial = Files.writeString(directory.resolve(name + ".part"),
                                String.join(",", recipients) + "\n" + data);
                        Files.move(partial, directory.resolve(name)); // readers see whole mails only
                        reply(out, "250 OK: queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void stop() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
