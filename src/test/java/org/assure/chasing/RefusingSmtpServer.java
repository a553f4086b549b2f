package org.assure.chasing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The smallest SMTP server that says no: it answers 550 to RCPT TO for the addresses it is told to refuse and
 * takes every other message, keeping only who each was for. GreenMail accepts every recipient, so a permanent
 * refusal needs this.
 */
final class RefusingSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final Thread acceptor;

    RefusingSmtpServer(int port) {
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "refusing-smtp-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    void refuse(String address) {
        refused.add(address.toLowerCase(Locale.ROOT));
    }

    /** The recipients of the messages taken, one entry a message a recipient. */
    List<String> delivered() {
        return List.copyOf(delivered);
    }

    /** The addresses refused at RCPT TO, once a refusal. */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                converse(s);
            } catch (IOException e) {
                // closed, or a client that went away: the next connection is served afresh
            }
        }
    }

    private void converse(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream();
        List<String> recipients = new ArrayList<>();
        say(out, "220 refusing.test ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                say(out, "250 refusing.test");
            } else if (command.startsWith("MAIL FROM:") || command.startsWith("RSET")) {
                recipients.clear();
                say(out, "250 2.0.0 OK");
            } else if (command.startsWith("RCPT TO:")) {
                String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
                if (refused.contains(address)) {
                    refusals.add(address);
                    say(out, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
                } else {
                    recipients.add(address);
                    say(out, "250 2.1.5 OK");
                }
            } else if (command.startsWith("DATA")) {
                if (recipients.isEmpty()) {
                    say(out, "554 5.5.1 No valid recipients");
                    continue;
                }
                say(out, "354 End data with <CR><LF>.<CR><LF>");
                for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                    // the message itself is not kept
                }
                delivered.addAll(recipients);
                recipients.clear();
                say(out, "250 2.0.0 Queued");
            } else if (command.startsWith("QUIT")) {
                say(out, "221 2.0.0 Bye");
                return;
            } else if (command.startsWith("NOOP")) {
                say(out, "250 2.0.0 OK");
            } else {
                say(out, "502 5.5.2 Command not recognised");
            }
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
